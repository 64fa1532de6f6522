namespace Orleans.Radius.Grains;

/// <summary>
/// One user, keyed by User-Name: credentials and reply items (durable), failed-login lockout, and
/// duplicate detection of that user's Access-Requests, so one grain call decides a request.
/// </summary>
[Alias("radius.user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Decides an Access-Request; a retransmission inside the dedup window gets the cached decision.</summary>
    [Alias("authenticate")]
    Task<AuthResult> Authenticate(AuthRequest request);

    /// <summary>Creates or replaces the user; returns false when the stored definition was already equal.</summary>
    [Alias("upsert")]
    Task<bool> Upsert(UserDefinition definition);

    /// <summary>The stored user, or null when there is none.</summary>
    [Alias("get")]
    Task<UserView?> Get();

    /// <summary>Removes the user; returns false when there was none.</summary>
    [Alias("delete")]
    Task<bool> Delete();

    /// <summary>Clears a failed-login lockout.</summary>
    [Alias("unlock")]
    Task Unlock();
}

/// <summary>
/// A NAS client's request budget (requests per second), shared by every gateway: gateways lease tokens
/// in batches so the hot path stays local while the cluster as a whole admits about the budget.
/// </summary>
[Alias("radius.nas-budget")]
public interface INasBudgetGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <paramref name="requested"/> tokens from a bucket refilled at <paramref name="ratePerSecond"/>.</summary>
    [Alias("lease")]
    Task<int> Lease(int requested, int ratePerSecond);
}
