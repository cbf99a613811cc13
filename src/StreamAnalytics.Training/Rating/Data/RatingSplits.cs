namespace StreamAnalytics.Training.Rating.Data;

/// <summary>Ways to split a dataset's examples for training and evaluation.</summary>
public static class RatingSplits
{
    /// <summary>The default share of the training part: 0.7.</summary>
    public const double DefaultTrainShare = 0.7;

    /// <summary>The default share of the validation part: 0.15 (the test part gets the rest, 0.15).</summary>
    public const double DefaultValidationShare = 0.15;

    /// <summary>The default share of a K-fold training part held out for validation: 0.1.</summary>
    public const double DefaultFoldValidationShare = 0.1;

    /// <summary>
    /// A time-ordered split: the earliest <paramref name="trainShare"/> (default 70%) of the examples by timestamp
    /// train, the next <paramref name="validationShare"/> (default 15%) validate, the latest rest test, as a model
    /// trained today is used on tomorrow's ratings. The sort is stable (ties keep their order); sizes round down, so
    /// the test part takes what rounding leaves.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The shares are negative or add up to more than 1.</exception>
    public static RatingSplit TimeOrdered(IReadOnlyList<RatingExample> examples, double trainShare = DefaultTrainShare, double validationShare = DefaultValidationShare)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (trainShare < 0 || validationShare < 0 || trainShare + validationShare > 1 || !double.IsFinite(trainShare + validationShare))
        {
            throw new ArgumentOutOfRangeException(nameof(trainShare), "The train and validation shares must be 0 or more and add up to at most 1.");
        }

        var order = Enumerable.Range(0, examples.Count).OrderBy(i => examples[i].Timestamp).ToArray();
        var train = (int)Math.Floor(order.Length * trainShare);
        var validation = (int)Math.Floor(order.Length * validationShare);
        return new RatingSplit(order[..train], order[train..(train + validation)], order[(train + validation)..]);
    }

    /// <summary>
    /// A K-fold split of <paramref name="count"/> examples: the indices are shuffled with <paramref name="seed"/>
    /// (default 42) and cut into <paramref name="k"/> folds of near-equal size (the first <c>count mod k</c> folds
    /// get one more). Each fold is scored on its own indices and trained on the others, of which the last
    /// <paramref name="validationShare"/> (default 10%) in shuffled order are held out for validation.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 2 or above <paramref name="count"/>, or the share is outside [0, 1).</exception>
    public static IReadOnlyList<RatingFold> KFold(int count, int k, int seed = 42, double validationShare = DefaultFoldValidationShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, count);
        if (!(validationShare >= 0 && validationShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationShare), validationShare, "The validation share must be in [0, 1).");
        }

        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var bounds = new int[k + 1];
        for (var fold = 0; fold < k; fold++)
        {
            bounds[fold + 1] = bounds[fold] + (count / k) + (fold < count % k ? 1 : 0);
        }

        var folds = new List<RatingFold>(k);
        for (var fold = 0; fold < k; fold++)
        {
            var test = order[bounds[fold]..bounds[fold + 1]];
            int[] rest = [.. order[..bounds[fold]], .. order[bounds[fold + 1]..]];
            var validation = (int)Math.Floor(rest.Length * validationShare);
            folds.Add(new RatingFold(fold, rest[..(rest.Length - validation)], rest[(rest.Length - validation)..], test));
        }

        return folds;
    }

    /// <summary>The examples at <paramref name="indices"/>, in that order.</summary>
    public static IReadOnlyList<RatingExample> Select(IReadOnlyList<RatingExample> examples, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(indices);
        var selected = new RatingExample[indices.Count];
        for (var i = 0; i < selected.Length; i++)
        {
            selected[i] = examples[indices[i]];
        }

        return selected;
    }
}
