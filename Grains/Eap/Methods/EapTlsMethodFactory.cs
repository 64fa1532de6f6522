using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// Creates the TLS-based methods (EAP-TLS, PEAP, EAP-TTLS) for new conversations. A silo singleton: the certificate
/// material is read once, when the factory is built; every method gets its own TLS session.
/// </summary>
internal sealed class EapTlsMethodFactory : IDisposable
{
    private readonly EapTlsOptions _options;
    private readonly EapTlsServerSetup? _setup;
    private readonly ILogger _logger;

    public EapTlsMethodFactory(IOptions<EapTlsOptions> options, ILoggerFactory loggers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _logger = loggers.CreateLogger("Orleans.Radius.Grains.Eap.Tls");
        if (_options.IsConfigured)
        {
            List<string> problems = [];
            var material = EapTlsMaterialLoader.TryLoad(_options, problems)
                ?? throw new OptionsValidationException(EapTlsOptions.Section, typeof(EapTlsOptions), problems);
            using (material)
            {
                // The server context holds its own reference to the key.
                _setup = new EapTlsServerSetup(material, material.ClientCas.Count > 0 ? new ClientCertificateValidator(material) : null, time);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="type"/> can run here: PEAP and TTLS need the server certificate, EAP-TLS also the
    /// client CA bundle.
    /// </summary>
    public bool Supports(EapType type) => type switch
    {
        EapType.Peap or EapType.Ttls => _setup is not null,
        EapType.Tls => _setup?.ClientValidator is not null,
        _ => false,
    };

    /// <summary>A new method for one conversation, or null when <paramref name="type"/> is not supported here.</summary>
    public IEapMethod? Create(EapType type)
    {
        if (!Supports(type))
        {
            return null;
        }

        var settings = new EapTlsServerSettings(type, _options.MinVersion, _options.MaxVersion, RequestClientCertificate: type == EapType.Tls);
        var session = new EapTlsSession(_setup!, settings);
        return type switch
        {
            EapType.Tls => new EapTlsMethod(session, _options, _logger),
            EapType.Peap => new PeapMethod(session, _options, _logger),
            _ => new TtlsMethod(session, _options, _logger),
        };
    }

    /// <summary>Lets go of the silo's server context; connections still open keep their own reference.</summary>
    public void Dispose() => _setup?.Dispose();
}
