using System.CommandLine;
using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.Cli.Ratings;

/// <summary>The trainer's settings a user may change from the command line; everything else keeps its default.</summary>
internal sealed class RatingTrainingOptionsBinder
{
    private static readonly RatingTrainingOptions Defaults = new();

    public Option<int> Epochs { get; } = new("--epochs") { Description = "Most epochs to train (early stopping usually ends sooner).", DefaultValueFactory = _ => Defaults.MaxEpochs };

    public Option<int> Factors { get; } = new("--factors") { Description = "Latent factors per user and product.", DefaultValueFactory = _ => Defaults.Factors };

    public Option<int> Hidden { get; } = new("--hidden") { Description = "Hidden units of the side-feature MLP.", DefaultValueFactory = _ => Defaults.Hidden };

    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch threads (1 keeps training deterministic and off the other core).", DefaultValueFactory = _ => Defaults.Threads };

    public Option<double> FactorL2 { get; } = new("--factor-l2") { Description = "L2 prior strength on the user and product factors (per row).", DefaultValueFactory = _ => Defaults.FactorL2 };

    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "Adam's initial learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };

    public IEnumerable<Option> All => [Epochs, Factors, Hidden, Threads, FactorL2, LearningRate];

    public RatingTrainingOptions Bind(ParseResult parse, int seed) => new()
    {
        MaxEpochs = parse.GetValue(Epochs),
        Factors = parse.GetValue(Factors),
        Hidden = parse.GetValue(Hidden),
        Threads = parse.GetValue(Threads),
        FactorL2 = parse.GetValue(FactorL2),
        LearningRate = parse.GetValue(LearningRate),
        Seed = seed,
    };
}
