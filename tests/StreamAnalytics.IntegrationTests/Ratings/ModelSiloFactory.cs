using Microsoft.AspNetCore.Hosting;

namespace StreamAnalytics.IntegrationTests.Ratings;

/// <summary>The real silo host on its embedded defaults, loading the rating model of <see cref="RatingModelFile"/> at start.</summary>
public sealed class ModelSiloFactory : SiloHostFactory
{
    private readonly string _modelPath = RatingModelFile.Write();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Models:Rating:Path", _modelPath);
        // Predictions read other grains' features through a per-silo cache; the tests want them fresh.
        builder.UseSetting("Ratings:ContextMaxAge", "00:00:00");
        builder.UseSetting("Ratings:CandidateOfferInterval", "00:00:00");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_modelPath);
    }
}

/// <summary>The real silo host with a model file that is not a model.</summary>
public sealed class CorruptModelSiloFactory : SiloHostFactory
{
    private readonly string _modelPath = Path.Combine(Path.GetTempPath(), $"sa-corrupt-{Guid.NewGuid():N}.onnx");

    public CorruptModelSiloFactory() => File.WriteAllText(_modelPath, "this is not an ONNX model");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Models:Rating:Path", _modelPath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_modelPath);
    }
}
