using StreamAnalytics.Inference.Gallery;

namespace StreamAnalytics.Inference.Tests.Gallery;

public sealed class OpenSetThresholdTests
{
    [Fact]
    public void Separable_scores_give_the_midpoint_between_the_highest_impostor_and_the_lowest_genuine()
    {
        float[] genuine = [0.9f, 0.8f, 0.7f, 0.85f];
        float[] impostor = [0.1f, 0.3f, 0.5f, 0.2f, 0.4f];

        var calibration = OpenSetThreshold.CalibrateForAccuracy(genuine, impostor);

        Assert.Equal(0.6f, calibration.Threshold, 1e-6f);
        Assert.Equal(0, calibration.FalseAcceptRate);
        Assert.Equal(0, calibration.FalseRejectRate);
        Assert.Equal(1, calibration.BalancedAccuracy);
    }

    [Fact]
    public void Overlapping_scores_give_the_highest_of_the_equally_accurate_thresholds()
    {
        // Thresholds in (0.30, 0.35), (0.40, 0.60) and (0.65, 0.70) all have balanced accuracy 0.8; the highest wins.
        float[] genuine = [0.6f, 0.7f, 0.8f, 0.9f, 0.35f];
        float[] impostor = [0.1f, 0.2f, 0.3f, 0.4f, 0.65f];

        var calibration = OpenSetThreshold.CalibrateForAccuracy(genuine, impostor);

        Assert.Equal(0.675f, calibration.Threshold, 1e-6f);
        Assert.Equal(0.8, calibration.BalancedAccuracy, 1e-12);
        Assert.Equal(0, calibration.FalseAcceptRate);
        Assert.Equal(0.4, calibration.FalseRejectRate, 1e-12);
    }

    [Fact]
    public void Accuracy_is_balanced_so_a_larger_impostor_set_does_not_outvote_the_genuine_one()
    {
        // Plain accuracy would reject everyone (100 right of 110); balanced accuracy keeps the genuine scores.
        float[] genuine = [.. Enumerable.Repeat(0.5f, 10)];
        float[] impostor = [.. Enumerable.Repeat(0.6f, 5), .. Enumerable.Repeat(0.1f, 95)];

        var calibration = OpenSetThreshold.CalibrateForAccuracy(genuine, impostor);

        Assert.True(calibration.Threshold is > 0.1f and <= 0.5f, $"{calibration.Threshold}");
        Assert.Equal(0.975, calibration.BalancedAccuracy, 1e-12);
    }

    [Fact]
    public void A_target_false_accept_rate_gives_the_lowest_threshold_that_meets_it()
    {
        // 100 impostors at 0.00, 0.01, ..., 0.99; 5% may be accepted: 0.95 to 0.99. The threshold lies above 0.94.
        float[] impostor = [.. Enumerable.Range(0, 100).Select(i => i / 100f)];
        float[] genuine = [0.93f, 0.96f, 0.98f, 0.999f];

        var calibration = OpenSetThreshold.CalibrateForFalseAcceptRate(genuine, impostor, 0.05);

        Assert.Equal(0.945f, calibration.Threshold, 1e-6f);
        Assert.Equal(0.05, calibration.FalseAcceptRate, 1e-12);
        Assert.Equal(0.25, calibration.FalseRejectRate, 1e-12);
    }

    [Fact]
    public void A_zero_false_accept_rate_rejects_every_impostor_score_including_ties()
    {
        float[] impostor = [0.2f, 0.7f, 0.7f];
        float[] genuine = [0.7f, 0.8f];

        var calibration = OpenSetThreshold.CalibrateForFalseAcceptRate(genuine, impostor, 0);

        Assert.Equal(0.75f, calibration.Threshold, 1e-6f);
        Assert.Equal(0, calibration.FalseAcceptRate);
        Assert.Equal(0.5, calibration.FalseRejectRate);
    }

    [Fact]
    public void A_threshold_above_every_score_is_just_above_the_highest()
    {
        float[] impostor = [0.9f];
        float[] genuine = [0.2f];

        var calibration = OpenSetThreshold.CalibrateForFalseAcceptRate(genuine, impostor, 0);

        Assert.True(calibration.Threshold > 0.9f && calibration.Threshold < 0.9001f, $"{calibration.Threshold}");
        Assert.Equal(1, calibration.FalseRejectRate);
    }

    [Fact]
    public void A_false_accept_rate_of_one_accepts_everything()
    {
        var calibration = OpenSetThreshold.CalibrateForFalseAcceptRate([0.4f, 0.6f], [0.3f, 0.5f], 1);

        Assert.Equal(0.3f, calibration.Threshold);
        Assert.Equal(1, calibration.FalseAcceptRate);
        Assert.Equal(0, calibration.FalseRejectRate);
    }

    [Fact]
    public void Calibration_leaves_its_inputs_unchanged()
    {
        float[] genuine = [0.9f, 0.7f];
        float[] impostor = [0.5f, 0.1f];

        OpenSetThreshold.CalibrateForAccuracy(genuine, impostor);
        OpenSetThreshold.CalibrateForFalseAcceptRate(genuine, impostor, 0.5);

        Assert.Equal([0.9f, 0.7f], genuine);
        Assert.Equal([0.5f, 0.1f], impostor);
    }

    [Fact]
    public void Empty_or_non_finite_scores_and_a_target_outside_0_to_1_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => OpenSetThreshold.CalibrateForAccuracy([], [0.1f]));
        Assert.Throws<ArgumentException>(() => OpenSetThreshold.CalibrateForAccuracy([0.9f], []));
        Assert.Throws<ArgumentException>(() => OpenSetThreshold.CalibrateForAccuracy([float.NaN], [0.1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenSetThreshold.CalibrateForFalseAcceptRate([0.9f], [0.1f], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenSetThreshold.CalibrateForFalseAcceptRate([0.9f], [0.1f], double.NaN));
    }
}
