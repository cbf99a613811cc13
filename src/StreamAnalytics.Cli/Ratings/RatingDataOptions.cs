using System.CommandLine;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Cli.Replay;
using StreamAnalytics.Synthetic;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Cli.Ratings;

/// <summary>The options that say which ratings to train or evaluate on, shared by <c>sa train rating</c> and <c>sa eval rating</c>.</summary>
internal sealed class RatingDataOptions
{
    public Option<RatingDataFormat> Format { get; } = new("--format") { Description = "synthetic (the sa produce generator), ecommerce (the seed's protocol) or csv.", DefaultValueFactory = _ => RatingDataFormat.Synthetic };

    public Option<string?> Input { get; } = new("--input") { Description = "ecommerce: the dataset folder (default ../shared/datasets/ecommerce); csv: the file." };

    public Option<int> Ratings { get; } = new("--ratings") { Description = "synthetic: ratings to generate.", DefaultValueFactory = _ => 100_000 };

    public Option<int> Users { get; } = new("--users") { Description = "synthetic: distinct users.", DefaultValueFactory = _ => new SyntheticFeedOptions().Users };

    public Option<int> Products { get; } = new("--products") { Description = "synthetic: distinct products.", DefaultValueFactory = _ => new SyntheticFeedOptions().Products };

    public Option<int> Seed { get; } = new("--seed") { Description = "synthetic: the feed's seed; also the training seed.", DefaultValueFactory = _ => 42 };

    public Option<double> Noise { get; } = new("--noise") { Description = "synthetic: standard deviation of the rating noise.", DefaultValueFactory = _ => new SyntheticFeedOptions().NoiseStandardDeviation };

    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "csv: field separator; default ',' (a tab for .tsv files); 'tab' for a tab." };

    public Option<bool> NoHeader { get; } = new("--no-header") { Description = "csv: the first line is data." };

    public Option<string?> Columns { get; } = new("--columns") { Description = "csv: which column holds which field, as for sa replay (e.g. user,product,rating,timestamp)." };

    public Option<ReplayTimestampFormat> Timestamps { get; } = new("--timestamp") { Description = "csv: how event times are written: iso, unix or date.", DefaultValueFactory = _ => ReplayTimestampFormat.Iso };

    public Option<string?> Type { get; } = new("--type") { Description = "csv: the type of every row when the file has no type column (e.g. rating)." };

    public Option<double> RatingMin { get; } = new("--rating-min") { Description = "csv: the lowest rating of the scale.", DefaultValueFactory = _ => 1 };

    public Option<double> RatingMax { get; } = new("--rating-max") { Description = "csv: the highest rating of the scale.", DefaultValueFactory = _ => 5 };

    public IEnumerable<Option> All => [Format, Input, Ratings, Users, Products, Seed, Noise, Delimiter, NoHeader, Columns, Timestamps, Type, RatingMin, RatingMax];

    /// <summary>The dataset the options describe, or null with a message naming what is wrong.</summary>
    public RatingDataset? Load(ParseResult parse, TextWriter progress, out string? error)
    {
        error = null;
        switch (parse.GetValue(Format))
        {
            case RatingDataFormat.Synthetic:
                var feed = new SyntheticFeedOptions(Users: parse.GetValue(Users), Products: parse.GetValue(Products), Seed: parse.GetValue(Seed), NoiseStandardDeviation: parse.GetValue(Noise));
                if (parse.GetValue(Ratings) < 100 || feed.Users < 1 || feed.Products < 1 || feed.NoiseStandardDeviation < 0)
                {
                    error = "--ratings must be at least 100, --users and --products positive, --noise not negative.";
                    return null;
                }

                progress.WriteLine($"generating {parse.GetValue(Ratings):N0} synthetic ratings ({feed.Users:N0} users, {feed.Products:N0} products, seed {feed.Seed}, noise {feed.NoiseStandardDeviation})");
                return SyntheticRatingDataset.Create(feed, parse.GetValue(Ratings));

            case RatingDataFormat.Ecommerce:
                var folder = parse.GetValue(Input) ?? Path.Combine("..", "shared", "datasets", "ecommerce");
                if (!File.Exists(Path.Combine(folder, EcommerceRatingDataset.InteractionsFile)) || !File.Exists(Path.Combine(folder, EcommerceRatingDataset.CustomersFile)))
                {
                    error = $"{Path.GetFullPath(folder)} does not hold '{EcommerceRatingDataset.InteractionsFile}' and '{EcommerceRatingDataset.CustomersFile}'; give the folder with --input.";
                    return null;
                }

                return EcommerceRatingDataset.Load(folder);

            default:
                return LoadCsv(parse, progress, out error);
        }
    }

    private RatingDataset? LoadCsv(ParseResult parse, TextWriter progress, out string? error)
    {
        error = null;
        if (parse.GetValue(Input) is not { } path)
        {
            error = "--format csv needs --input with the file to read.";
            return null;
        }

        if (!File.Exists(path))
        {
            error = $"--input: the file {Path.GetFullPath(path)} does not exist.";
            return null;
        }

        if (parse.GetValue(Columns) is not { } spec || ReplayColumns.Parse(spec, out error) is not { } mapping)
        {
            error ??= "--format csv needs --columns (e.g. user,product,rating,timestamp).";
            return null;
        }

        var validation = new InteractionValidationOptions { RatingMin = parse.GetValue(RatingMin), RatingMax = parse.GetValue(RatingMax) };
        try
        {
            validation.Validate();
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }

        var separator = parse.GetValue(Delimiter) switch
        {
            null => path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : ",",
            "tab" or "\\t" => "\t",
            var given => given,
        };
        var settings = new ReplaySettings(Path.GetFullPath(path), separator, !parse.GetValue(NoHeader), mapping, parse.GetValue(Timestamps), parse.GetValue(Type), $"{Path.GetFileName(path)}-");
        var parser = new InteractionEventParser(validation);
        var events = new List<InteractionEvent>();
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, json) in DelimitedInteractionReader.Read(settings))
        {
            var result = parser.Parse(json);
            if (result.IsValid)
            {
                events.Add(result.Event!);
            }
            else
            {
                rejected[result.Reason!] = rejected.GetValueOrDefault(result.Reason!) + 1;
            }
        }

        progress.WriteLine($"read {events.Count:N0} valid rows from {Path.GetFileName(path)}"
            + (rejected.Count == 0 ? string.Empty : $"; skipped {string.Join(", ", rejected.Select(r => $"{r.Value:N0} {r.Key}"))}"));
        return EventRatingDataset.Create(events, (float)validation.RatingMin, (float)validation.RatingMax, Path.GetFileName(path));
    }
}
