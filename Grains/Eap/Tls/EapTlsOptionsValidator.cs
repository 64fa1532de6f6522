using Microsoft.Extensions.Options;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>Names every problem in the <c>Eap:Tls</c> section at startup, reading the files as the server will.</summary>
public sealed class EapTlsOptionsValidator : IValidateOptions<EapTlsOptions>
{
    /// <summary>Below this a handshake takes dozens of round trips; above it one Access-Challenge would pass 4,096 bytes.</summary>
    public const int MinFragmentSize = 64;

    public const int MaxFragmentSize = 4000;

    /// <summary>A client certificate chain must fit; less than this cannot carry one.</summary>
    public const int MinMessageLength = 4096;

    public ValidateOptionsResult Validate(string? name, EapTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> problems = [];
        const string section = EapTlsOptions.Section;
        if (options.FragmentSize is < MinFragmentSize or > MaxFragmentSize)
        {
            problems.Add($"{section}:FragmentSize must be between {MinFragmentSize} and {MaxFragmentSize}");
        }

        if (options.MaxMessageLength < MinMessageLength || options.MaxMessageLength > EapTlsReassembler.DefaultMaxMessageLength * 16)
        {
            problems.Add($"{section}:MaxMessageLength must be between {MinMessageLength} and {EapTlsReassembler.DefaultMaxMessageLength * 16}");
        }

        if (!Enum.IsDefined(options.MinVersion) || !Enum.IsDefined(options.MaxVersion) || options.MinVersion > options.MaxVersion)
        {
            problems.Add($"{section}:MinVersion and MaxVersion must be Tls12 or Tls13, MinVersion not above MaxVersion");
        }

        if (options.IsConfigured)
        {
            // Loaded only to name the problems; the factory loads its own copy.
            EapTlsMaterialLoader.TryLoad(options, problems)?.Dispose();
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientCaFile) || !string.IsNullOrWhiteSpace(options.CrlFile))
        {
            problems.Add($"{section}:ClientCaFile and CrlFile need {section}:CertificateFile and KeyFile");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
