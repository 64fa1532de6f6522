using Microsoft.Extensions.Options;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The export of the embedded default (no Valkey) and of tests: a bounded in-process list with the same
/// exactly-once rule as the Valkey stream. Lost when the process exits, like the rest of the embedded state.
/// </summary>
public sealed class InMemoryAccountingExporter(IOptions<AccountingOptions> options) : IAccountingExporter
{
    private readonly long _maxLength = options.Value.StreamMaxLength;
    private readonly Queue<AccountingExportRecord> _entries = new();
    private readonly HashSet<string> _exported = [];
    private readonly Queue<string> _exportedOrder = new();

    /// <summary>The entries in the order they were appended (at most StreamMaxLength, oldest dropped first).</summary>
    public IReadOnlyList<AccountingExportRecord> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public Task<bool> ExportAsync(AccountingExportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_entries)
        {
            if (!_exported.Add(record.RecordId))
            {
                return Task.FromResult(false);
            }

            // Ids are remembered for twice as many records as the list keeps, so memory stays bounded.
            _exportedOrder.Enqueue(record.RecordId);
            if (_exportedOrder.Count > 2 * _maxLength)
            {
                _exported.Remove(_exportedOrder.Dequeue());
            }

            _entries.Enqueue(record);
            if (_entries.Count > _maxLength)
            {
                _entries.Dequeue();
            }

            return Task.FromResult(true);
        }
    }
}
