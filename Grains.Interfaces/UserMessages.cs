namespace Orleans.Radius.Grains;

/// <summary>
/// A user as configured or managed through the admin API: the same shape as a <c>Users</c> entry in
/// configuration. Reply items are attribute name → value, resolved through the dictionary.
/// </summary>
[GenerateSerializer, Immutable, Alias("radius.user-definition")]
public sealed record UserDefinition(
    [property: Id(0)] string UserName,
    [property: Id(1)] string? Password,
    [property: Id(2)] string? NtHash,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Reply,
    [property: Id(4)] int? MaxSessions);

/// <summary>What the user grain keeps about a user, without the cleartext password unless a method needs it.</summary>
[GenerateSerializer, Immutable, Alias("radius.user-view")]
public sealed record UserView(
    [property: Id(0)] string UserName,
    [property: Id(1)] bool HasCleartextPassword,
    [property: Id(2)] bool HasNtHash,
    [property: Id(3)] IReadOnlyDictionary<string, string> Reply,
    [property: Id(4)] int? MaxSessions,
    [property: Id(5)] bool LockedOut);
