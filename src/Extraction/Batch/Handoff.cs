namespace Extraction.Batch;

/// <summary>
/// A bounded queue from one producer thread to one consumer thread that waits without spinning. With as many busy workers
/// as cores, a consumer that spins while it waits (as <c>BlockingCollection</c>'s semaphore does before it sleeps) takes
/// CPU time from the workers it waits for; here a waiting side sleeps on the monitor until the other side pulses it.
/// </summary>
internal sealed class Handoff<T>(int capacity)
{
    private readonly Queue<T> _items = new(capacity);
    private bool _completed;

    /// <summary>Adds an item, waiting while the queue is full; <paramref name="cancel"/> ends the wait with <see cref="OperationCanceledException"/>.</summary>
    public void Add(T item, CancellationToken cancel)
    {
        lock (_items)
        {
            if (_items.Count >= capacity)
            {
                using var wake = cancel.Register(PulseAll);
                while (_items.Count >= capacity)
                {
                    cancel.ThrowIfCancellationRequested();
                    Monitor.Wait(_items);
                }
            }
            _items.Enqueue(item);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>No more items will be added.</summary>
    public void Complete()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Takes the next item, waiting for one; false once the queue is completed and empty.</summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            while (_items.Count == 0 && !_completed) Monitor.Wait(_items);
            if (_items.Count == 0)
            {
                item = default!;
                return false;
            }
            item = _items.Dequeue();
            Monitor.PulseAll(_items);
            return true;
        }
    }

    private void PulseAll()
    {
        lock (_items) Monitor.PulseAll(_items);
    }
}
