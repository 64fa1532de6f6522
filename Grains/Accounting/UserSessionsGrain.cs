namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The open sessions of one user (durable) and the Simultaneous-Use reservations granted at Access-Request
/// time (in memory: they live seconds, and losing them with a silo only lets one extra login through).
/// </summary>
internal sealed class UserSessionsGrain(
    [PersistentState("user-sessions")] IPersistentState<UserSessionsState> state,
    TimeProvider time) : Grain, IUserSessionsGrain
{
    // Expiry times of granted reservations whose Start has not arrived yet, oldest first.
    private readonly List<DateTimeOffset> _reservations = [];

    public Task<bool> TryReserve(int maxSessions, TimeSpan holdFor)
    {
        if (maxSessions <= 0)
        {
            return Task.FromResult(true);
        }

        var now = time.GetUtcNow();
        _reservations.RemoveAll(expiry => expiry <= now);
        if (state.State.Open.Count + _reservations.Count >= maxSessions)
        {
            return Task.FromResult(false);
        }

        _reservations.Add(now + holdFor);
        _reservations.Sort();
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<OpenSession>> List() =>
        Task.FromResult<IReadOnlyList<OpenSession>>([.. state.State.Open.Values.OrderBy(session => session.StartTime)]);

    public async Task Add(OpenSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = AccountingKeys.Session(session.NasName, session.SessionId);
        if (state.State.Open.TryGetValue(key, out var known))
        {
            if (known == session)
            {
                return;
            }
        }
        else
        {
            // The Start of a login that was granted a reservation: the session now counts in its place.
            var now = time.GetUtcNow();
            _reservations.RemoveAll(expiry => expiry <= now);
            if (_reservations.Count > 0)
            {
                _reservations.RemoveAt(0);
            }
        }

        state.State.Open[key] = session;
        await state.WriteStateAsync();
    }

    public async Task Remove(string nasName, string sessionId)
    {
        if (state.State.Open.Remove(AccountingKeys.Session(nasName, sessionId)))
        {
            await state.WriteStateAsync();
        }
    }
}
