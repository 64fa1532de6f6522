using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// The names a client certificate vouches for: the subject's common names and the subjectAltName email (rfc822Name),
/// dNSName and Microsoft UPN values. EAP-TLS compares the EAP identity with them (<c>Eap:Tls:RequireIdentityMatch</c>).
/// </summary>
internal static class CertificateIdentities
{
    private const int OtherNameTag = 0;
    private const int Rfc822NameTag = 1;
    private const int DnsNameTag = 2;

    /// <summary>szOID_NT_PRINCIPAL_NAME: the Windows user principal name carried as an otherName.</summary>
    private static readonly DerObjectIdentifier UserPrincipalName = new("1.3.6.1.4.1.311.20.2.3");

    /// <summary>Every name of <paramref name="leaf"/>, in certificate order; a malformed subjectAltName adds none.</summary>
    public static IReadOnlyList<string> Of(X509Certificate leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        List<string> names = [.. leaf.SubjectDN.GetValueList(X509Name.CN)];
        var extension = leaf.GetExtensionValue(X509Extensions.SubjectAlternativeName);
        if (extension is null)
        {
            return names;
        }

        try
        {
            foreach (var name in GeneralNames.GetInstance(X509ExtensionUtilities.FromExtensionValue(extension)).GetNames())
            {
                if (Text(name) is { Length: > 0 } text)
                {
                    names.Add(text);
                }
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidCastException or IOException)
        {
            // The chain validated, but a subjectAltName we cannot read vouches for nothing.
        }

        return names;
    }

    private static string? Text(GeneralName name) => name.TagNo switch
    {
        Rfc822NameTag or DnsNameTag => (name.Name as IAsn1String)?.GetString(),
        OtherNameTag when OtherName.GetInstance(name.Name) is { } other && UserPrincipalName.Equals(other.TypeID) =>
            (other.Value as IAsn1String)?.GetString(),
        _ => null,
    };
}
