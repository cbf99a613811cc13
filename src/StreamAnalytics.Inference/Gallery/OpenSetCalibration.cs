namespace StreamAnalytics.Inference.Gallery;

/// <summary>A calibrated open-set threshold and how it does on the scores it was calibrated on.</summary>
/// <param name="Threshold">Accept a face as its best candidate when the score is at least this.</param>
/// <param name="FalseAcceptRate">The share of impostor scores at or above the threshold.</param>
/// <param name="FalseRejectRate">The share of genuine scores below the threshold.</param>
/// <param name="BalancedAccuracy">The mean of the genuine acceptance and impostor rejection rates.</param>
public sealed record OpenSetCalibration(float Threshold, double FalseAcceptRate, double FalseRejectRate, double BalancedAccuracy);
