namespace Extraction.Batch;

/// <summary>
/// Wakes the ordered consumer in batches. Workers <see cref="Ring"/> after every piece and file they hand on; a sleeping
/// consumer is woken only after <c>batch</c> rings, or at once by an urgent ring (a worker that cannot go on until the
/// consumer catches up, or one that has finished). So the consumer, which is much faster than the workers, wakes once per
/// several documents instead of two or three times per document, and a worker's ring costs no system call while the
/// consumer is busy. The consumer re-checks what it waits for at least every <see cref="SafetyNet"/>.
/// </summary>
/// <remarks>
/// Lock order: a worker may ring while holding another lock (a <see cref="Handoff{T}"/>'s or the piece help's); the
/// consumer, while it holds the doorbell's lock, only reads volatile state through its <c>ready</c> test and takes no
/// other lock. A ring and the consumer's going to sleep are ordered by full fences on both sides, so a ring is never lost
/// between the consumer's last check and its wait.
/// </remarks>
internal sealed class Doorbell(int batch)
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private int _sleeping;
    private int _rings;

    /// <summary>Tells the consumer about progress; <paramref name="urgent"/> wakes it at once.</summary>
    public void Ring(bool urgent = false)
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) == 0) return;
        lock (_gate)
        {
            if (_sleeping == 0 || !urgent && ++_rings < batch) return;
            _sleeping = 0;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Consumer side: returns once <paramref name="ready"/> holds; it must only read volatile state, taking no lock.</summary>
    public void WaitUntil(Func<bool> ready)
    {
        while (!ready())
        {
            lock (_gate)
            {
                _rings = 0;
                Volatile.Write(ref _sleeping, 1);
                Interlocked.MemoryBarrier();
                if (!ready()) Monitor.Wait(_gate, SafetyNet);
                _sleeping = 0;
            }
        }
    }
}
