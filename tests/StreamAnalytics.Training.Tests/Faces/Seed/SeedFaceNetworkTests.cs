using StreamAnalytics.ModelExport.Faces.Seed;
using StreamAnalytics.Training.Faces.Seed;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Tests.Faces.Seed;

[Collection(TrainingGroup.Name)]
public sealed class SeedFaceNetworkTests
{
    private static readonly SeedFaceLayout Small = new([4, 8], hidden: 16, classes: 5);

    [Fact]
    public void Seed_size_is_52_497_760_parameters_for_40_classes()
    {
        var layout = SeedFaceLayout.SeedSize(40);

        // conv 1→32: 9·32 + 32; conv 32→64: 9·32·64 + 64; flatten 64·28·23 = 41,216 → 1,272; 1,272 → 40.
        Assert.Equal(41_216, layout.FlattenSize);
        Assert.Equal(320 + 18_496 + (41_216L + 1) * 1_272 + (1_272 + 1) * 40, layout.ParameterCount);
        Assert.Equal(52_497_760, layout.ParameterCount);
    }

    [Fact]
    public void The_formula_counts_the_networks_tensors()
    {
        using var small = new SeedFaceNetwork(Small);
        using var seedSize = new SeedFaceNetwork(SeedFaceLayout.SeedSize(40));

        Assert.Equal(Small.ParameterCount, small.ParameterCount);
        Assert.Equal(Small.ParameterCount, small.ToWeights().ParameterCount);
        Assert.Equal(52_497_760, seedSize.ParameterCount);
    }

    [Fact]
    public void Three_pools_flatten_to_14_by_11_and_odd_edges_are_dropped()
    {
        var layout = new SeedFaceLayout([2, 2, 3], hidden: 4, classes: 2);

        Assert.Equal((14, 11), (layout.FlattenHeight, layout.FlattenWidth));
        Assert.Equal(3 * 14 * 11, layout.FlattenSize);
    }

    [Fact]
    public void Forward_maps_a_batch_of_images_to_one_logit_per_class_and_eval_mode_is_deterministic()
    {
        using var generator = new Generator(7);
        using var network = new SeedFaceNetwork(Small, generator: generator);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand([3, 1, 112, 92], generator: generator);

        network.eval();
        var first = network.forward(images);
        var second = network.forward(images);

        Assert.Equal([3L, 5L], first.shape);
        Assert.Equal(first.data<float>().ToArray(), second.data<float>().ToArray());
    }

    [Fact]
    public void Dropout_acts_in_training_mode_only()
    {
        using var generator = new Generator(8);
        using var network = new SeedFaceNetwork(new SeedFaceLayout([4], hidden: 64, classes: 3), dropout: 0.5, generator: generator);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand([2, 1, 112, 92], generator: generator);

        network.eval();
        var evaluated = network.forward(images).data<float>().ToArray();
        network.train();
        var trained = network.forward(images).data<float>().ToArray();

        Assert.NotEqual(evaluated, trained);
    }
}
