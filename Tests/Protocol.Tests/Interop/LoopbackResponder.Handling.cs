using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>Per-datagram decisions: what is checked, and which requests get an answer.</summary>
internal sealed partial class LoopbackResponder
{
    private DecodedRequest Handle(byte[] datagram)
    {
        var error = RadiusPacketReader.TryParse(datagram, out var reader);
        if (error != RadiusParseError.None)
        {
            return new DecodedRequest(
                datagram, error, datagram.Length > 0 ? (RadiusCode)datagram[0] : 0, datagram.Length > 1 ? datagram[1] : (byte)0,
                [], [], [], MessageAuthenticatorCheck.Missing, null, AuthenticationMethod.None, false, null, null, $"malformed: {error}");
        }

        var attributes = DecodeRawAttributes(reader);
        var messageAuthenticator = RadiusSigner.CheckRequestMessageAuthenticator(reader, _secret);
        bool? requestAuthenticatorValid = RadiusCodes.HasComputedRequestAuthenticator(reader.Code)
            ? RadiusSigner.VerifyComputedRequestAuthenticator(reader.Packet, _secret)
            : null;
        var decoded = new DecodedRequest(
            datagram, error, reader.Code, reader.Identifier, attributes, [], [], messageAuthenticator,
            requestAuthenticatorValid, AuthenticationMethod.None, false, null, null, null);

        if (!TryDecodeVendorAttributes(attributes, out var vendorAttributes))
        {
            return decoded with { DropReason = "malformed Vendor-Specific attribute" };
        }

        if (!TryDecodeTunnelAttributes(attributes, out var tunnelAttributes))
        {
            return decoded with { VendorAttributes = vendorAttributes, DropReason = "malformed tunnel attribute" };
        }

        decoded = decoded with { VendorAttributes = vendorAttributes, TunnelAttributes = tunnelAttributes };
        if (messageAuthenticator == MessageAuthenticatorCheck.Invalid)
        {
            // RFC 3579 §3.2: a packet whose Message-Authenticator does not verify is silently discarded.
            return decoded with { DropReason = "invalid Message-Authenticator" };
        }

        switch (reader.Code)
        {
            case RadiusCode.AccessRequest:
                var outcome = Authenticate(reader, vendorAttributes);
                var reply = outcome.Verified
                    ? BuildAccept(reader, outcome)
                    : BuildReject(reader);
                return decoded with
                {
                    Method = outcome.Method,
                    CredentialVerified = outcome.Verified,
                    RevealedPassword = outcome.RevealedPassword,
                    Reply = reply,
                };

            case RadiusCode.AccountingRequest when requestAuthenticatorValid != true:
                // RFC 2866 §3: a request whose authenticator does not verify is silently discarded.
                return decoded with { DropReason = "bad Accounting-Request authenticator" };

            case RadiusCode.AccountingRequest:
                return decoded with { Reply = BuildAccountingResponse(reader) };

            case RadiusCode.StatusServer when messageAuthenticator != MessageAuthenticatorCheck.Valid:
                // RFC 5997 §3: Status-Server MUST carry a Message-Authenticator.
                return decoded with { DropReason = "Status-Server without Message-Authenticator" };

            case RadiusCode.StatusServer:
                return decoded with { Reply = BuildStatusReply(reader) };

            default:
                return decoded with { DropReason = $"unsupported code {RadiusCodes.Name(reader.Code)}" };
        }
    }
}
