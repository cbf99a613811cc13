using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Tests.Data;

namespace StreamAnalytics.Training.Tests.Faces;

public sealed class FaceReaderTests
{
    [Fact]
    public void Orl_reader_finds_forty_identities_of_ten_images()
    {
        var dataset = OrlDataset.Read(SharedDatasets.Folder("orl", "s1/1.pgm", "s40/10.pgm"));

        Assert.Equal(400, dataset.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"s{i}"), dataset.Identities);
        Assert.All(dataset.ImagesByIdentity(), images => Assert.Equal(10, images.Length));
        Assert.All(dataset.Images, image => Assert.InRange(image.Average(), 0.05, 0.95));
    }

    [Fact]
    public void Orl_pixels_are_the_file_bytes_over_255()
    {
        var folder = SharedDatasets.Folder("orl", "s3/7.pgm");
        var raster = File.ReadAllBytes(Path.Combine(folder, "s3", "7.pgm"))[14..];

        var dataset = OrlDataset.Read(folder);

        var index = dataset.Sources.ToList().FindIndex(s => s.EndsWith(Path.Combine("s3", "7.pgm"), StringComparison.Ordinal));
        Assert.Equal(raster.Select(b => b / 255f), dataset.Images[index]);
    }

    [Fact]
    public void Folder_reader_takes_each_sub_folder_as_an_identity_in_natural_order()
    {
        var root = Directory.CreateTempSubdirectory("faces-").FullName;
        try
        {
            var face = System.Text.Encoding.ASCII.GetBytes("P5 16 16 255\n").Concat(new byte[256]).ToArray();
            foreach (var (folder, file) in new[] { ("bob10", "2.pgm"), ("bob10", "10.PGM"), ("bob2", "a.pgm") })
            {
                Directory.CreateDirectory(Path.Combine(root, folder));
                File.WriteAllBytes(Path.Combine(root, folder, file), face);
            }

            File.WriteAllText(Path.Combine(root, "bob2", "notes.txt"), "not an image");
            File.WriteAllText(Path.Combine(root, "README.md"), "ignored");

            var dataset = FaceFolderReader.Read(root);

            Assert.Equal(["bob2", "bob10"], dataset.Identities);
            Assert.Equal([0, 1, 1], dataset.Labels);
            Assert.EndsWith("2.pgm", dataset.Sources[1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Folder_reader_names_the_file_it_cannot_decode()
    {
        var root = Directory.CreateTempSubdirectory("faces-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "ann"));
            File.WriteAllBytes(Path.Combine(root, "ann", "bad.png"), [1, 2, 3]);

            var error = Assert.Throws<InvalidDataException>(() => FaceFolderReader.Read(root));

            Assert.Contains("bad.png", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Per_identity_split_keeps_five_of_each_person_for_training()
    {
        var dataset = OrlDataset.Read(SharedDatasets.Folder("orl", "s1/1.pgm"));

        var (train, test) = FaceSplits.PerIdentity(dataset, 5, seed: 3);

        Assert.Equal(200, train.Length);
        Assert.Equal(200, test.Length);
        Assert.Empty(train.Intersect(test));
        Assert.All(train.GroupBy(i => dataset.Labels[i]), g => Assert.Equal(5, g.Count()));
        Assert.Equal(train, FaceSplits.PerIdentity(dataset, 5, seed: 3).Train);
    }
}
