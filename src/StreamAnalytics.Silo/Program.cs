using StreamAnalytics.Abstractions;
using StreamAnalytics.ServiceDefaults;
using StreamAnalytics.Silo;
using StreamAnalytics.Silo.Api;
using StreamAnalytics.Silo.Demo;
using StreamAnalytics.Silo.Health;
using StreamAnalytics.Silo.Models;
using StreamAnalytics.Silo.Security;
using StreamAnalytics.Streaming.Kafka.Hosting;

var builder = WebApplication.CreateBuilder(DemoFeedHostingExtensions.TakeDemoSwitch(args, out var demo));

// No Kafka:BootstrapServers configured: run on an in-process broker so one command starts everything.
// Identifications are only written, never consumed by a stream, so the broker is told about that topic here.
builder.AddEmbeddedKafkaBrokerIfUnconfigured()?.CreateTopic(TopicNames.Identifications, 4);
builder.AddServiceDefaults();
builder.AddStreamAnalyticsSilo();
builder.AddStreamAnalyticsHealth();
builder.AddDemoFeed(demo);
builder.AddRatingModelStartup();
builder.AddFaceModelStartup();
builder.AddApiSecurity();

var app = builder.Build();
app.UseApiSecurity();
app.MapServiceDefaults();
app.MapStreamAnalyticsHealth();
app.MapFeatureEndpoints();
app.MapPredictionEndpoints();
app.MapInteractionEndpoints();
app.MapCameraEndpoints();
app.MapIdentityEndpoints();
app.MapModelEndpoints();
app.Run();

/// <summary>The host's entry point; public so integration tests can start it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
