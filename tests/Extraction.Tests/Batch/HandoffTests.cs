using Extraction.Batch;

namespace Extraction.Tests.Batch;

public sealed class HandoffTests
{
    [Fact]
    public void ItemsArriveInOrder_AndTakeEnds_WhenCompleted()
    {
        var bell = new Doorbell(4);
        var queue = new Handoff<int>(2, bell);
        var producer = new Thread(() =>
        {
            for (int i = 0; i < 1000; i++) queue.Add(i, CancellationToken.None);
            queue.Complete();
        });
        producer.Start();
        var got = new List<int>();
        while (true)
        {
            if (queue.TryTake(out var item)) got.Add(item);
            else if (queue.Finished) break;
            else bell.WaitUntil(queue.Ready);
        }
        producer.Join();
        Assert.Equal(Enumerable.Range(0, 1000), got);
    }

    [Fact]
    public void AddingToAFullQueue_StopsWhenCancelled()
    {
        var queue = new Handoff<int>(1, new Doorbell(1));
        queue.Add(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.Throws<OperationCanceledException>(() => queue.Add(2, cancel.Token));
        Assert.True(queue.TryTake(out var item));
        Assert.Equal(1, item);
    }
}
