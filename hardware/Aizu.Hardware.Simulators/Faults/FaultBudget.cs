namespace Aizu.Hardware.Simulators.Faults;

/// <summary>How many more times a test wants an injected fault; each use takes one, safely across threads.</summary>
internal sealed class FaultBudget
{
    private int _left;

    /// <summary>The next <paramref name="count"/> chances fail (replacing what was left).</summary>
    public void Arm(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _left, count);
    }

    /// <summary>Uses up one fault; true when this one must fail.</summary>
    public bool TakeOne()
    {
        while (true)
        {
            int left = Volatile.Read(ref _left);
            if (left == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _left, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
