namespace Extraction.Batch;

/// <summary>
/// A bounded queue of one file's pieces, from the worker reading the file to the ordered consumer. The consumer never
/// blocks here: it takes what is there (<see cref="TryTake"/>) and sleeps on the run's <see cref="Doorbell"/>, which the
/// queue rings on every add and on completion. A worker that finds the queue full rings urgently and waits on the queue's
/// monitor until the consumer takes an item.
/// </summary>
internal sealed class Handoff<T>(int capacity, Doorbell bell)
{
    private readonly Queue<T> _items = new(capacity);
    private int _count;
    private bool _completed;
    private int _waitingAdders;

    /// <summary>True when an item can be taken or the queue is finished; reads no lock (for <see cref="Doorbell.WaitUntil"/>).</summary>
    public bool Ready() => Volatile.Read(ref _count) > 0 || Volatile.Read(ref _completed);

    /// <summary>Completed and empty: nothing more will come.</summary>
    public bool Finished
    {
        get
        {
            lock (_items) return _completed && _items.Count == 0;
        }
    }

    /// <summary>Adds an item, waiting while the queue is full; <paramref name="cancel"/> ends the wait with <see cref="OperationCanceledException"/>.</summary>
    public void Add(T item, CancellationToken cancel)
    {
        lock (_items)
        {
            if (_items.Count >= capacity)
            {
                using var wake = cancel.Register(PulseAll);
                _waitingAdders++;
                try
                {
                    while (_items.Count >= capacity)
                    {
                        cancel.ThrowIfCancellationRequested();
                        bell.Ring(urgent: true);
                        Monitor.Wait(_items);
                    }
                }
                finally
                {
                    _waitingAdders--;
                }
            }
            _items.Enqueue(item);
            Volatile.Write(ref _count, _items.Count);
        }
        bell.Ring();
    }

    /// <summary>No more items will be added.</summary>
    public void Complete()
    {
        lock (_items) Volatile.Write(ref _completed, true);
        bell.Ring();
    }

    /// <summary>Takes the next item if there is one, without waiting.</summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            if (_items.Count == 0)
            {
                item = default!;
                return false;
            }
            item = _items.Dequeue();
            Volatile.Write(ref _count, _items.Count);
            if (_waitingAdders > 0) Monitor.PulseAll(_items);
            return true;
        }
    }

    private void PulseAll()
    {
        lock (_items) Monitor.PulseAll(_items);
    }
}
