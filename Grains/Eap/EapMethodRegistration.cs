using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>One method the factory can create: registered with <see cref="EapServiceCollectionExtensions.AddEapMethod"/>.</summary>
/// <param name="Type">The EAP type the method speaks.</param>
/// <param name="Create">Makes a new instance for one conversation.</param>
internal sealed record EapMethodRegistration(EapType Type, Func<IServiceProvider, IEapMethod> Create);
