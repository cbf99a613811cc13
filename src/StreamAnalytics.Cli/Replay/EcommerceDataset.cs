using System.Globalization;
using CsvHelper;

namespace StreamAnalytics.Cli.Replay;

/// <summary>
/// The Kaggle "E-commerce Sales Data 2024" files: the interaction CSV (<c>user id, product id, Interaction type,
/// Time stamp</c>, dates like <c>10 October 2023</c>), joined to <c>customer_details.csv</c> (age, location) and,
/// when present, <c>product_details.csv</c> (category, price). Rows with an empty type are replayed as they are and
/// end in the dead-letter topic with reason <c>missing type</c>.
/// </summary>
internal static class EcommerceDataset
{
    public const string InteractionsHeader = "user id,product id,Interaction type,Time stamp";

    /// <summary>True when <paramref name="path"/> starts with the interaction file's header.</summary>
    public static bool Recognizes(string path)
    {
        using var reader = new StreamReader(path);
        return string.Equals(reader.ReadLine()?.TrimStart('\uFEFF'), InteractionsHeader, StringComparison.Ordinal);
    }

    public static ReplaySettings Settings(string path) => new(
        path,
        ",",
        HasHeader: true,
        ReplayColumns.Parse("user=user id,product=product id,type=Interaction type,timestamp=Time stamp", out _)!,
        ReplayTimestampFormat.Date,
        FixedType: null,
        EventIdPrefix: "ecommerce-");

    /// <summary>Per user, age and location from <c>customer_details.csv</c>; per product, category and price from the optional product table.</summary>
    public static Func<string, string, IReadOnlyDictionary<string, string>?> Extras(string interactionsPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(interactionsPath))!;
        var customers = ReadTable(Path.Combine(folder, "customer_details.csv"), "Customer ID", ("Age", "age"), ("Location", "location"));
        var products = ReadTable(Path.Combine(folder, "product_details.csv"), "Uniq Id", ("Category", "productCategory"), ("Selling Price", "listPrice"));
        return (user, product) =>
        {
            var extras = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in customers.GetValueOrDefault(user) ?? [])
            {
                extras[name] = value;
            }

            foreach (var (name, value) in products.GetValueOrDefault(product) ?? [])
            {
                extras[name] = value;
            }

            return extras;
        };
    }

    // A missing file (the product table is not in every copy of the dataset) is an empty table.
    private static Dictionary<string, Dictionary<string, string>> ReadTable(string path, string keyColumn, params (string Column, string Name)[] wanted)
    {
        var table = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return table;
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var present = wanted.Where(w => csv.HeaderRecord!.Contains(w.Column)).ToList();
        if (!csv.HeaderRecord!.Contains(keyColumn))
        {
            return table;
        }

        while (csv.Read())
        {
            var key = csv.GetField(keyColumn);
            if (!string.IsNullOrEmpty(key))
            {
                table[key] = present.ToDictionary(w => w.Name, w => csv.GetField(w.Column) ?? "", StringComparer.Ordinal);
            }
        }

        return table;
    }
}
