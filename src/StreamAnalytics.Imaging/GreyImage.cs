namespace StreamAnalytics.Imaging;

/// <summary>An 8-bit greyscale image, row by row from the top-left corner.</summary>
/// <param name="Width">Pixels per row; at least 1.</param>
/// <param name="Height">Rows; at least 1.</param>
/// <param name="Pixels">Width × Height grey levels, 0 black to 255 white. Compared by reference.</param>
public sealed record GreyImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>The grey level at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public byte this[int x, int y] => Pixels[(y * Width) + x];
}
