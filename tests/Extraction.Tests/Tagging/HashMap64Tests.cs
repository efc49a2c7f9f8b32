using Extraction.Tagging;
using Xunit;

namespace Extraction.Tests.Tagging;

public class HashMap64Tests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ClearForgetsEveryKeyAfterGrowingAndTheMapRefills(bool trackSlots)
    {
        var map = new HashMap64<byte>(4, trackSlots);
        for (int round = 0; round < 3; round++)
        {
            // Enough keys to grow the table several times (and, in round 1, past 16× its first size, which resets it).
            int keys = round == 1 ? 1000 : 40;
            for (ulong k = 0; k < (ulong)keys; k++) map.GetOrAdd(k * 0x9E3779B97F4A7C15UL + (ulong)round) |= (byte)(k % 7 + 1);
            Assert.Equal(keys, map.Count);
            for (ulong k = 0; k < (ulong)keys; k++)
                Assert.True(map.TryGet(k * 0x9E3779B97F4A7C15UL + (ulong)round, out var v) && v == (byte)(k % 7 + 1));
            map.Clear();
            Assert.Equal(0, map.Count);
            Assert.Empty(map.Entries());
            for (ulong k = 0; k < (ulong)keys; k++) Assert.False(map.TryGet(k * 0x9E3779B97F4A7C15UL + (ulong)round, out _));
        }
    }
}
