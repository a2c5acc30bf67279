namespace Aizu.Storage;

/// <summary>
/// Count, sum, min and max of a bucket's values plus, for registers, the energy of the steps that end
/// in it. Every field merges associatively, so buckets grow batch by batch and coarse buckets are
/// merged from fine ones instead of rescanning raw data.
/// </summary>
internal struct RollupAccumulator(long start)
{
    public long Start = start;
    public long Count;
    public double Sum;
    public double Min = double.PositiveInfinity;
    public double Max = double.NegativeInfinity;
    public double Energy;
    public bool HasEnergy;

    public readonly bool IsEmpty => Count == 0 && !HasEnergy;

    public void AddValue(double value)
    {
        Count++;
        Sum += value;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    public void AddEnergy(double energy)
    {
        Energy += energy;
        HasEnergy = true;
    }

    public void Merge(in RollupAccumulator other)
    {
        if (other.Count > 0)
        {
            Count += other.Count;
            Sum += other.Sum;
            Min = Math.Min(Min, other.Min);
            Max = Math.Max(Max, other.Max);
        }

        if (other.HasEnergy)
        {
            AddEnergy(other.Energy);
        }
    }
}
