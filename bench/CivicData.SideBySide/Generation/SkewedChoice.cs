namespace CivicData.SideBySide.Generation;

/// <summary>Picks among values with Zipf-like weights (1/rank^s): a few request types dominate, as in real 311 data.</summary>
internal sealed class SkewedChoice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public SkewedChoice(IReadOnlyList<T> values, double exponent)
    {
        _values = [.. values];
        _cumulative = new double[_values.Length];
        double total = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            total += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = total;
        }

        for (int i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public T Pick(SplitMix64 random) => _values[PickIndex(random)];

    public int PickIndex(SplitMix64 random)
    {
        int index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _values.Length - 1);
    }
}
