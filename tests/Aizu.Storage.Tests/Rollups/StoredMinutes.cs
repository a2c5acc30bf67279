namespace Aizu.Storage.Tests.Rollups;

/// <summary>Every minute rollup in a store's file, rows and packed blocks alike, read behind the store's back.</summary>
internal static class StoredMinutes
{
    public static List<(long SeriesId, RollupAccumulator Minute)> Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var ids = new List<long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id FROM series ORDER BY id;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var corrupt = new List<CorruptMinuteBlock>();
        var result = new List<(long, RollupAccumulator)>();
        var minutes = new List<RollupAccumulator>();
        foreach (var id in ids)
        {
            minutes.Clear();
            new MinuteRollups(connection, null, corrupt).Read(id, 0, 1L << 60, minutes);
            result.AddRange(minutes.Select(m => (id, m)));
        }

        Assert.Empty(corrupt);
        return result;
    }
}
