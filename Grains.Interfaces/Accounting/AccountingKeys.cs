namespace Orleans.Radius.Grains.Accounting;

/// <summary>Grain keys of the accounting grains, and the one call a gateway makes per Accounting-Request.</summary>
public static class AccountingKeys
{
    /// <summary>
    /// "{nasName}|{acctSessionId}". NAS names are configured names without '|'; the session id is taken
    /// verbatim, so the key is unique per NAS even when two NASes reuse session ids.
    /// </summary>
    public static string Session(string nasName, string sessionId) => string.Concat(nasName, "|", sessionId);

    /// <summary>
    /// Routes a decoded Accounting-Request: Accounting-On/Off close the NAS's open sessions, everything else
    /// goes to the session's grain. Send the Accounting-Response only after this completes.
    /// </summary>
    public static async Task<AccountingAck> RecordAccountingAsync(this IGrainFactory grains, AccountingRecord record)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(record);
        if (record.StatusType is AccountingStatusType.AccountingOn or AccountingStatusType.AccountingOff)
        {
            var closed = await grains.GetGrain<INasSessionsGrain>(record.NasName).CloseAll(TerminateCauses.NasReboot, record.EventTime);
            return new AccountingAck(AccountingOutcome.Recorded, closed);
        }

        return await grains.GetGrain<IAccountingSessionGrain>(Session(record.NasName, record.SessionId)).Record(record);
    }
}
