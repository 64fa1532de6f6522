namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Appends accounting records to the export stream exactly once per record id. The session grain calls it
/// before writing its own state, so a retry after a crash in between finds the id and appends nothing.
/// </summary>
public interface IAccountingExporter
{
    /// <summary>Appends <paramref name="record"/>; returns false when its id was exported before. Throws when the export is not durable.</summary>
    Task<bool> ExportAsync(AccountingExportRecord record, CancellationToken cancellationToken = default);
}
