using System.Buffers.Binary;
using System.Globalization;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// Encodes whole EAP packets of type EAP-MSCHAPv2 (draft-kamath-pppext-eap-mschapv2-01). The MS-CHAPv2
/// values (NT-Response, Authenticator Response, encrypted blocks) are computed elsewhere and passed in.
/// </summary>
public static class EapMsChapV2Writer
{
    private const int AuthenticatorStringLength = 2 + (2 * EapMsChapV2.AuthenticatorResponseLength);

    /// <summary>Writes a Challenge Request: Value-Size 16, the authenticator challenge, the server name.</summary>
    public static bool TryWriteChallenge(Span<byte> destination, byte identifier, byte msChapV2Id, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> name, out int bytesWritten)
    {
        CheckLength(challenge, EapMsChapV2.ChallengeLength, nameof(challenge));
        if (!TryReserve(destination, EapCode.Request, identifier, EapMsChapV2OpCode.Challenge, msChapV2Id, 1 + challenge.Length + name.Length, out var body, out bytesWritten))
        {
            return false;
        }

        body[0] = EapMsChapV2.ChallengeLength;
        challenge.CopyTo(body[1..]);
        name.CopyTo(body[(1 + challenge.Length)..]);
        return true;
    }

    /// <summary>Writes a Response: Value-Size 49, Peer-Challenge, 8 zero bytes, NT-Response, Flags, the user name.</summary>
    public static bool TryWriteResponse(Span<byte> destination, byte identifier, byte msChapV2Id, ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> ntResponse, byte flags, ReadOnlySpan<byte> name, out int bytesWritten)
    {
        CheckLength(peerChallenge, EapMsChapV2.PeerChallengeLength, nameof(peerChallenge));
        CheckLength(ntResponse, EapMsChapV2.NtResponseLength, nameof(ntResponse));
        if (!TryReserve(destination, EapCode.Response, identifier, EapMsChapV2OpCode.Response, msChapV2Id, 1 + EapMsChapV2.ResponseValueSize + name.Length, out var body, out bytesWritten))
        {
            return false;
        }

        body[0] = EapMsChapV2.ResponseValueSize;
        var value = body.Slice(1, EapMsChapV2.ResponseValueSize);
        peerChallenge.CopyTo(value);
        value.Slice(EapMsChapV2.PeerChallengeLength, EapMsChapV2.ReservedLength).Clear();
        ntResponse.CopyTo(value[(EapMsChapV2.PeerChallengeLength + EapMsChapV2.ReservedLength)..]);
        value[^1] = flags;
        name.CopyTo(body[(1 + EapMsChapV2.ResponseValueSize)..]);
        return true;
    }

    /// <summary>
    /// Writes a Success Request whose message is "S=&lt;40 uppercase hex digits&gt; M=&lt;message&gt;" (RFC 2759 §5).
    /// </summary>
    public static bool TryWriteSuccessRequest(Span<byte> destination, byte identifier, byte msChapV2Id, ReadOnlySpan<byte> authenticatorResponse, ReadOnlySpan<byte> message, out int bytesWritten)
    {
        CheckLength(authenticatorResponse, EapMsChapV2.AuthenticatorResponseLength, nameof(authenticatorResponse));
        var length = AuthenticatorStringLength + 3 + message.Length;
        if (!TryReserve(destination, EapCode.Request, identifier, EapMsChapV2OpCode.Success, msChapV2Id, length, out var body, out bytesWritten))
        {
            return false;
        }

        "S="u8.CopyTo(body);
        EapHex.Encode(authenticatorResponse, body[2..]);
        " M="u8.CopyTo(body[AuthenticatorStringLength..]);
        message.CopyTo(body[(AuthenticatorStringLength + 3)..]);
        return true;
    }

    /// <summary>
    /// Writes a Failure Request whose message is "E=&lt;error&gt; R=&lt;0|1&gt; C=&lt;32 hex&gt; V=&lt;version&gt; M=&lt;message&gt;"
    /// (RFC 2759 §6). An empty <paramref name="challenge"/> leaves out "C=" (no retry challenge offered).
    /// </summary>
    public static bool TryWriteFailureRequest(Span<byte> destination, byte identifier, byte msChapV2Id, int errorCode, bool retry, ReadOnlySpan<byte> challenge, int version, ReadOnlySpan<byte> message, out int bytesWritten)
    {
        if (!challenge.IsEmpty)
        {
            CheckLength(challenge, EapMsChapV2.ChallengeLength, nameof(challenge));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(errorCode);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        bytesWritten = 0;

        // Longest text before M=: "E=" 10 digits, " R=1", " C=" 32 hex, " V=" 10 digits, " M=".
        Span<byte> prefix = stackalloc byte[2 + 10 + 4 + 3 + 32 + 3 + 10 + 3];
        var position = 0;
        Append(prefix, ref position, "E="u8);
        errorCode.TryFormat(prefix[position..], out var written, default, CultureInfo.InvariantCulture);
        position += written;
        Append(prefix, ref position, retry ? " R=1"u8 : " R=0"u8);
        if (!challenge.IsEmpty)
        {
            Append(prefix, ref position, " C="u8);
            EapHex.Encode(challenge, prefix[position..]);
            position += 2 * challenge.Length;
        }

        Append(prefix, ref position, " V="u8);
        version.TryFormat(prefix[position..], out written, default, CultureInfo.InvariantCulture);
        position += written;
        Append(prefix, ref position, " M="u8);

        if (!TryReserve(destination, EapCode.Request, identifier, EapMsChapV2OpCode.Failure, msChapV2Id, position + message.Length, out var body, out bytesWritten))
        {
            return false;
        }

        prefix[..position].CopyTo(body);
        message.CopyTo(body[position..]);
        return true;
    }

    /// <summary>Writes the peer's Success acknowledgement: a Response holding the OpCode alone.</summary>
    public static bool TryWriteSuccessResponse(Span<byte> destination, byte identifier, out int bytesWritten) =>
        EapPacketWriter.TryWrite(destination, EapCode.Response, identifier, EapType.MsChapV2, [(byte)EapMsChapV2OpCode.Success], out bytesWritten);

    /// <summary>Writes the peer's Failure acknowledgement: a Response holding the OpCode alone.</summary>
    public static bool TryWriteFailureResponse(Span<byte> destination, byte identifier, out int bytesWritten) =>
        EapPacketWriter.TryWrite(destination, EapCode.Response, identifier, EapType.MsChapV2, [(byte)EapMsChapV2OpCode.Failure], out bytesWritten);

    /// <summary>Writes a Change-Password Response (RFC 2759 §7 body after the EAP-MSCHAPv2 header).</summary>
    public static bool TryWriteChangePassword(Span<byte> destination, byte identifier, byte msChapV2Id, ReadOnlySpan<byte> encryptedPassword, ReadOnlySpan<byte> encryptedHash, ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> ntResponse, ushort flags, out int bytesWritten)
    {
        CheckLength(encryptedPassword, EapMsChapV2.EncryptedPasswordLength, nameof(encryptedPassword));
        CheckLength(encryptedHash, EapMsChapV2.EncryptedHashLength, nameof(encryptedHash));
        CheckLength(peerChallenge, EapMsChapV2.PeerChallengeLength, nameof(peerChallenge));
        CheckLength(ntResponse, EapMsChapV2.NtResponseLength, nameof(ntResponse));
        if (!TryReserve(destination, EapCode.Response, identifier, EapMsChapV2OpCode.ChangePassword, msChapV2Id, EapMsChapV2.ChangePasswordBodyLength, out var body, out bytesWritten))
        {
            return false;
        }

        var position = 0;
        Append(body, ref position, encryptedPassword);
        Append(body, ref position, encryptedHash);
        Append(body, ref position, peerChallenge);
        body.Slice(position, EapMsChapV2.ReservedLength).Clear();
        position += EapMsChapV2.ReservedLength;
        Append(body, ref position, ntResponse);
        BinaryPrimitives.WriteUInt16BigEndian(body[position..], flags);
        return true;
    }

    private static bool TryReserve(Span<byte> destination, EapCode code, byte identifier, EapMsChapV2OpCode opCode, byte msChapV2Id, int bodyLength, out Span<byte> body, out int bytesWritten)
    {
        body = default;
        var typeDataLength = EapMsChapV2.HeaderLength + bodyLength;

        // MS-Length is 16 bits like the EAP Length; the EAP writer enforces the tighter bound.
        if (!EapPacketWriter.TryReserve(destination, code, identifier, EapType.MsChapV2, typeDataLength, out var typeData, out bytesWritten))
        {
            return false;
        }

        typeData[0] = (byte)opCode;
        typeData[1] = msChapV2Id;
        BinaryPrimitives.WriteUInt16BigEndian(typeData[2..], (ushort)typeDataLength);
        body = typeData[EapMsChapV2.HeaderLength..];
        return true;
    }

    private static void Append(Span<byte> destination, ref int position, ReadOnlySpan<byte> value)
    {
        value.CopyTo(destination[position..]);
        position += value.Length;
    }

    private static void CheckLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"Must be {length} bytes.", name);
        }
    }
}
