namespace StreamAnalytics.Imaging.Tests;

public sealed class FaceImageFitterTests
{
    [Fact]
    public void An_image_of_the_input_size_is_copied_unchanged()
    {
        var grey = TestImages.Pattern(92, 112);

        var input = FaceImageFitter.Fit(new GreyImage(92, 112, grey));

        Assert.Equal(grey.Select(g => g / 255f), input);
    }

    [Fact]
    public void A_double_size_image_averages_each_two_by_two_block()
    {
        var grey = new byte[184 * 224];
        for (var y = 0; y < 224; y++)
        {
            for (var x = 0; x < 184; x++)
            {
                grey[(y * 184) + x] = (byte)((x + y) % 2 == 0 ? 200 : 100);
            }
        }

        var input = FaceImageFitter.Fit(new GreyImage(184, 224, grey));

        Assert.All(input, v => Assert.Equal(150 / 255f, v, 5));
    }

    [Fact]
    public void A_wide_image_is_centre_cropped_not_letterboxed()
    {
        // 300 wide x 112 high: the centred 92 columns are white, the sides black.
        var grey = new byte[300 * 112];
        for (var y = 0; y < 112; y++)
        {
            for (var x = 104; x < 196; x++)
            {
                grey[(y * 300) + x] = 255;
            }
        }

        var input = FaceImageFitter.Fit(new GreyImage(300, 112, grey));

        Assert.All(input, v => Assert.Equal(1f, v, 5));
    }

    [Fact]
    public void A_tall_image_keeps_its_centre_rows()
    {
        Assert.Equal((0, 44, 92, 112), FaceImageFitter.CentreCrop(92, 200));
        Assert.Equal((4, 0, 92, 112), FaceImageFitter.CentreCrop(100, 112));
    }

    [Fact]
    public void A_small_image_is_scaled_up_to_the_input_size()
    {
        var input = FaceImageFitter.Fit(new GreyImage(23, 28, TestImages.Pattern(23, 28)));

        Assert.Equal(FaceImageFitter.Height * FaceImageFitter.Width, input.Length);
        Assert.All(input, v => Assert.InRange(v, 0f, 1f));
    }
}
