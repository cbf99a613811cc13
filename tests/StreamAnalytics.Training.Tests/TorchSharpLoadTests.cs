using StreamAnalytics.Training.Rating;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Tests;

public sealed class TorchSharpLoadTests
{
    // On Debian 12 this is the first call into libLibTorchSharp.so: without the GLIBCXX_3.4.32 patch from
    // Directory.Build.targets it throws "This application or script uses TorchSharp but doesn't contain a reference
    // to libtorch-cpu..." because the loader rejects the library.
    [Fact]
    public void TorchSharp_loads_and_runs_a_forward_pass()
    {
        using var network = new RatingNetwork(
            userCount: 2, productCount: 3, factors: 4, hidden: 5,
            featureMean: [0f, 0f], featureInvStd: [1f, 1f], globalBias: 3f, ratingMin: 1f, ratingMax: 5f);
        using var scope = NewDisposeScope();

        var raw = network.forward(tensor(new long[] { 0, 1, 2 }), tensor(new long[] { 0, 3, 1 }), zeros(3, 2));

        Assert.Equal([3L], raw.shape);
        Assert.All(raw.data<float>().ToArray(), value => Assert.True(float.IsFinite(value)));
    }
}
