namespace Orleans.Radius.Grains.Eap;

/// <summary>The method names configuration uses (<c>Eap:Methods</c>, a client's <c>EapMethods</c>) and their EAP type codes.</summary>
public static class EapMethodNames
{
    /// <summary>Every supported method, strongest first: the default of <c>Eap:Methods</c>.</summary>
    public static IReadOnlyList<string> Default { get; } = ["TLS", "PEAP", "TTLS", "MSCHAPV2", "MD5"];

    /// <summary>The EAP type code (RFC 3748 §5, IANA) of a configured method name, case-insensitive.</summary>
    public static bool TryGetTypeCode(string? name, out byte type)
    {
        type = name?.ToUpperInvariant() switch
        {
            "TLS" => 13,
            "PEAP" => 25,
            "TTLS" => 21,
            "MSCHAPV2" => 26,
            "MD5" => 4,
            _ => 0,
        };
        return type != 0;
    }

    /// <summary>Names in <paramref name="names"/> that are not methods, for configuration checks.</summary>
    public static IEnumerable<string> Unknown(IEnumerable<string>? names) =>
        (names ?? []).Where(name => !TryGetTypeCode(name, out _));
}
