using System.Net;
using System.Text;
using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Grains;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>What an Access-Request asks for, once decoded.</summary>
internal enum AccessRequestKind : byte
{
    /// <summary>User-Name plus PAP, CHAP, MS-CHAP or MS-CHAPv2 credentials.</summary>
    Credentials,

    /// <summary>No User-Name or no credentials the gateway can check: answered with a Reject.</summary>
    Unsupported,

    /// <summary>A credential attribute is malformed (e.g. a User-Password that is not 16–128 bytes): dropped.</summary>
    Malformed,

    /// <summary>EAP-Message attributes: a round of an EAP conversation.</summary>
    Eap,
}

/// <summary>Turns a validated Access-Request into the message the user's grain decides.</summary>
internal static class AccessRequestDecoder
{
    private const uint MicrosoftVendorId = 311;
    private const uint MsChapResponseType = 1;
    private const uint MsChapChallengeType = 11;
    private const uint MsChap2ResponseType = 25;

    public static AccessRequestKind Decode(in RadiusPacketReader request, NasClient client, SocketAddress source, out string userName, out AuthRequest? decoded)
    {
        userName = "";
        decoded = null;
        ReadOnlySpan<byte> name = default;
        ReadOnlySpan<byte> hiddenPassword = default;
        ReadOnlySpan<byte> chapPassword = default;
        ReadOnlySpan<byte> msChapChallenge = default;
        ReadOnlySpan<byte> msChapResponse = default;
        ReadOnlySpan<byte> msChap2Response = default;
        var hasName = false;
        foreach (var attribute in request)
        {
            switch ((RadiusAttributeType)attribute.Type)
            {
                case RadiusAttributeType.UserName when !hasName:
                    name = attribute.Value;
                    hasName = true;
                    break;
                case RadiusAttributeType.UserPassword:
                    hiddenPassword = attribute.Value;
                    break;
                case RadiusAttributeType.ChapPassword:
                    chapPassword = attribute.Value;
                    break;
                case RadiusAttributeType.VendorSpecific:
                    ReadMicrosoft(attribute.Value, ref msChapChallenge, ref msChapResponse, ref msChap2Response);
                    break;
            }
        }

        if (!hasName || name.IsEmpty || !TryDecodeUserName(name, out userName))
        {
            return AccessRequestKind.Unsupported;
        }

        var key = RequestKeys.Create(source, request.Identifier, request.Authenticator);
        if (!hiddenPassword.IsEmpty)
        {
            Span<byte> password = stackalloc byte[UserPasswordCipher.MaxPasswordLength];
            if (!UserPasswordCipher.TryReveal(hiddenPassword, client.Secret, request.Authenticator, password, out var length))
            {
                return AccessRequestKind.Malformed;
            }

            decoded = new AuthRequest(key, client.Name, AuthMethod.Pap, password[..length].ToArray(), null, null);
            password.Clear();
            return AccessRequestKind.Credentials;
        }

        if (!chapPassword.IsEmpty)
        {
            if (chapPassword.Length != ChapPassword.ValueLength)
            {
                return AccessRequestKind.Malformed;
            }

            decoded = new AuthRequest(key, client.Name, AuthMethod.Chap, null, ChapPassword.GetChallenge(request).ToArray(), chapPassword.ToArray());
            return AccessRequestKind.Credentials;
        }

        if (!msChapChallenge.IsEmpty && !msChap2Response.IsEmpty)
        {
            decoded = new AuthRequest(key, client.Name, AuthMethod.MsChapV2, null, msChapChallenge.ToArray(), msChap2Response.ToArray());
            return AccessRequestKind.Credentials;
        }

        if (!msChapChallenge.IsEmpty && !msChapResponse.IsEmpty)
        {
            decoded = new AuthRequest(key, client.Name, AuthMethod.MsChapV1, null, msChapChallenge.ToArray(), msChapResponse.ToArray());
            return AccessRequestKind.Credentials;
        }

        return AccessRequestKind.Unsupported;
    }

    /// <summary>
    /// Decodes an Access-Request carrying EAP-Message (RFC 3579): joins the EAP packet, takes the State that names
    /// the conversation or issues a new one. Malformed when the attributes do not join into one EAP packet.
    /// </summary>
    public static AccessRequestKind DecodeEap(in RadiusPacketReader request, NasClient client, SocketAddress source, out EapRequest? decoded)
    {
        decoded = null;
        ReadOnlySpan<byte> name = default;
        ReadOnlySpan<byte> state = default;
        var hasName = false;
        var hasState = false;
        var eapBytes = 0;
        foreach (var attribute in request)
        {
            switch ((RadiusAttributeType)attribute.Type)
            {
                case RadiusAttributeType.UserName when !hasName:
                    name = attribute.Value;
                    hasName = true;
                    break;
                case RadiusAttributeType.State when !hasState:
                    state = attribute.Value;
                    hasState = true;
                    break;
                case RadiusAttributeType.EapMessage:
                    eapBytes += attribute.Value.Length;
                    break;
            }
        }

        byte[] eapMessage = [];
        if (eapBytes > 0)
        {
            // Bounded by the RADIUS packet itself (4096 bytes), so the joined packet is too.
            Span<byte> joined = stackalloc byte[RadiusPacket.MaxLength];
            if (RadiusEapMessage.TryJoin(request, joined, out var length) != RadiusConcatError.None)
            {
                return AccessRequestKind.Malformed;
            }

            eapMessage = joined[..length].ToArray();
        }

        string? userName = null;
        if (hasName && TryDecodeUserName(name, out var decodedName))
        {
            userName = decodedName;
        }

        var stateBytes = hasState ? state.ToArray() : EapConversationKeys.NewState();
        var key = RequestKeys.Create(source, request.Identifier, request.Authenticator);
        var round = new EapRound(key, client.Name, eapMessage, userName, client.EapMethods, Starts: !hasState);
        decoded = new EapRequest(EapConversationKeys.ToKey(stateBytes), stateBytes, round);
        return AccessRequestKind.Eap;
    }

    private static bool TryDecodeUserName(ReadOnlySpan<byte> value, out string userName)
    {
        // User-Name is UTF-8 text; a name that is not valid UTF-8 cannot match any user.
        try
        {
            userName = StrictUtf8.GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            userName = "";
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void ReadMicrosoft(
        ReadOnlySpan<byte> vsa, ref ReadOnlySpan<byte> challenge, ref ReadOnlySpan<byte> response, ref ReadOnlySpan<byte> response2)
    {
        if (!RadiusVendorSpecificReader.TryGetVendorId(vsa, out var vendorId) || vendorId != MicrosoftVendorId
            || RadiusVendorSpecificReader.TryCreate(vsa, RadiusVendorFormat.Default, out var reader) != RadiusVendorSpecificError.None)
        {
            return;
        }

        foreach (var attribute in reader)
        {
            switch (attribute.Type)
            {
                case MsChapChallengeType:
                    challenge = attribute.Value;
                    break;
                case MsChapResponseType:
                    response = attribute.Value;
                    break;
                case MsChap2ResponseType:
                    response2 = attribute.Value;
                    break;
            }
        }
    }
}
