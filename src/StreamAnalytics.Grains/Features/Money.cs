namespace StreamAnalytics.Grains.Features;

/// <summary>Money arithmetic that saturates instead of throwing, so one absurd event cannot wedge an entity's features.</summary>
internal static class Money
{
    /// <summary><paramref name="total"/> + <paramref name="price"/> × <paramref name="quantity"/>, or <see cref="decimal.MaxValue"/> on overflow.</summary>
    public static decimal AddLine(decimal total, decimal price, int quantity)
    {
        try
        {
            return total + (price * quantity);
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }
}
