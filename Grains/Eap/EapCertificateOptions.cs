namespace Orleans.Radius.Grains.Eap;

/// <summary>The authorization part of the <c>Eap:Tls</c> section: what a validated certificate gets.</summary>
public sealed class EapCertificateOptions
{
    public const string Section = "Eap:Tls";

    /// <summary>Accept a valid certificate whose identity is not a configured user (no reply items, no limits).</summary>
    public bool AcceptUnknownUsers { get; set; }
}
