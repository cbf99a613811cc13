using System.CommandLine;
using System.Net.Http.Headers;
using StreamAnalytics.Cli.Frames;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Cli.Commands;

/// <summary>
/// <c>sa enrol</c>: enrols the identities of a folder-per-identity image tree through a silo's API (each sub-folder is
/// one identity, its name; its first images, in natural order, are posted to <c>/api/identities/{identity}/faces</c>).
/// </summary>
internal static class EnrolCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "A folder-per-identity image tree (ORL: s1..s40/*.pgm)." };
        var url = new Option<string>("--url") { Description = "The silo's API, e.g. http://127.0.0.1:5080.", Required = true };
        var apiKey = new Option<string?>("--api-key") { Description = "The X-Api-Key header, when the silo has API keys." };
        var identities = new Option<int>("--identities") { Description = "Enrol the first N identities (natural order); 0 is all.", DefaultValueFactory = _ => 0 };
        var images = new Option<int>("--images") { Description = "Images per identity to enrol.", DefaultValueFactory = _ => 5 };
        var command = new Command("enrol", "Enrol the identities of a folder-per-identity image tree through a silo's API, without retraining.")
        {
            folder, url, apiKey, identities, images,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var root = parse.GetValue(folder)!;
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
            {
                await Console.Error.WriteLineAsync($"--url '{parse.GetValue(url)}' is not an http(s) address.");
                return 2;
            }

            if (!root.Exists || parse.GetValue(identities) < 0 || parse.GetValue(images) < 1)
            {
                await Console.Error.WriteLineAsync(root.Exists ? "--identities must not be negative and --images must be positive." : $"{root.FullName} does not exist.");
                return 2;
            }

            var people = root.GetDirectories().OrderBy(d => d.Name, NaturalOrder.Instance).ToList();
            if (parse.GetValue(identities) > 0)
            {
                people = [.. people.Take(parse.GetValue(identities))];
            }

            using var http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(60) };
            if (parse.GetValue(apiKey) is { } key)
            {
                http.DefaultRequestHeaders.Add("X-Api-Key", key);
            }

            var byStatus = new SortedDictionary<int, int>();
            foreach (var person in people)
            {
                var files = FrameFolder.List(person).OrderBy(f => f.Name, NaturalOrder.Instance).Take(parse.GetValue(images));
                foreach (var file in files)
                {
                    using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file.FullName, cancellation));
                    content.Headers.ContentType = new MediaTypeHeaderValue(FrameFolder.ContentTypeOf(file));
                    using var response = await http.PostAsync($"/api/identities/{Uri.EscapeDataString(person.Name)}/faces", content, cancellation);
                    var status = (int)response.StatusCode;
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    if (!response.IsSuccessStatusCode)
                    {
                        await Console.Error.WriteLineAsync($"{file.FullName}: HTTP {status} {await response.Content.ReadAsStringAsync(cancellation)}");
                    }
                }
            }

            Console.WriteLine($"enrolled {people.Count} identities: {string.Join(", ", byStatus.Select(s => $"HTTP {s.Key}: {s.Value}"))}");
            return byStatus.Keys.All(s => s is >= 200 and < 300) ? 0 : 1;
        });
        return command;
    }
}
