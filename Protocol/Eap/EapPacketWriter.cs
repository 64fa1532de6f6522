using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// Encodes EAP packets (RFC 3748 §4–5) into caller-supplied buffers. Every method returns false, writing
/// nothing usable, when the buffer is too small or the packet would exceed the 16-bit Length field.
/// </summary>
public static class EapPacketWriter
{
    /// <summary>Writes a 4-byte Success.</summary>
    public static bool TryWriteSuccess(Span<byte> destination, byte identifier, out int bytesWritten) =>
        TryWriteEmpty(destination, EapCode.Success, identifier, out bytesWritten);

    /// <summary>Writes a 4-byte Failure.</summary>
    public static bool TryWriteFailure(Span<byte> destination, byte identifier, out int bytesWritten) =>
        TryWriteEmpty(destination, EapCode.Failure, identifier, out bytesWritten);

    /// <summary>Writes a Request or Response of <paramref name="type"/> carrying <paramref name="typeData"/>.</summary>
    public static bool TryWrite(Span<byte> destination, EapCode code, byte identifier, EapType type, ReadOnlySpan<byte> typeData, out int bytesWritten)
    {
        if (!TryReserve(destination, code, identifier, type, typeData.Length, out var data, out bytesWritten))
        {
            return false;
        }

        typeData.CopyTo(data);
        return true;
    }

    /// <summary>
    /// Writes the header and Type of a Request or Response and returns the Type-Data space for the caller to
    /// fill in place (so method payloads need no intermediate buffer).
    /// </summary>
    public static bool TryReserve(Span<byte> destination, EapCode code, byte identifier, EapType type, int typeDataLength, out Span<byte> typeData, out int bytesWritten)
    {
        CheckTypedCode(code);
        typeData = default;
        bytesWritten = 0;
        if (typeDataLength < 0 || typeDataLength > EapPacket.MaxLength - EapPacket.TypeHeaderLength)
        {
            return false;
        }

        var length = EapPacket.TypeHeaderLength + typeDataLength;
        if (destination.Length < length)
        {
            return false;
        }

        WriteHeader(destination, code, identifier, length);
        destination[EapPacket.TypeOffset] = (byte)type;
        typeData = destination.Slice(EapPacket.TypeHeaderLength, typeDataLength);
        bytesWritten = length;
        return true;
    }

    /// <summary>Writes a Request or Response of an Expanded Type (RFC 3748 §5.7) carrying <paramref name="methodData"/>.</summary>
    public static bool TryWriteExpanded(Span<byte> destination, EapCode code, byte identifier, EapExpandedType type, ReadOnlySpan<byte> methodData, out int bytesWritten)
    {
        if (type.VendorId > EapExpandedType.MaxVendorId)
        {
            throw new ArgumentOutOfRangeException(nameof(type), "A Vendor-Id is 24 bits.");
        }

        if (methodData.Length > EapPacket.MaxLength - EapPacket.TypeOffset - EapPacket.ExpandedTypeLength
            || !TryReserve(destination, code, identifier, EapType.Expanded, EapPacket.ExpandedTypeLength - 1 + methodData.Length, out var data, out bytesWritten))
        {
            bytesWritten = 0;
            return false;
        }

        WriteExpandedFields(data, type);
        methodData.CopyTo(data[(EapPacket.ExpandedTypeLength - 1)..]);
        return true;
    }

    /// <summary>
    /// Writes an Identity Request (optionally with a displayable prompt) or an Identity Response carrying the
    /// peer's identity (RFC 3748 §5.1).
    /// </summary>
    public static bool TryWriteIdentity(Span<byte> destination, EapCode code, byte identifier, ReadOnlySpan<byte> identity, out int bytesWritten) =>
        TryWrite(destination, code, identifier, EapType.Identity, identity, out bytesWritten);

    /// <summary>Writes a Notification Request; RFC 3748 §5.2 requires a non-empty displayable message.</summary>
    public static bool TryWriteNotificationRequest(Span<byte> destination, byte identifier, ReadOnlySpan<byte> message, out int bytesWritten)
    {
        if (message.IsEmpty)
        {
            bytesWritten = 0;
            return false;
        }

        return TryWrite(destination, EapCode.Request, identifier, EapType.Notification, message, out bytesWritten);
    }

    /// <summary>Writes a Notification Response, whose Type-Data is empty (RFC 3748 §5.2).</summary>
    public static bool TryWriteNotificationResponse(Span<byte> destination, byte identifier, out int bytesWritten) =>
        TryWrite(destination, EapCode.Response, identifier, EapType.Notification, [], out bytesWritten);

    internal static void WriteExpandedFields(Span<byte> destination, EapExpandedType type)
    {
        destination[0] = (byte)(type.VendorId >> 16);
        destination[1] = (byte)(type.VendorId >> 8);
        destination[2] = (byte)type.VendorId;
        BinaryPrimitives.WriteUInt32BigEndian(destination[3..], type.VendorType);
    }

    private static bool TryWriteEmpty(Span<byte> destination, EapCode code, byte identifier, out int bytesWritten)
    {
        if (destination.Length < EapPacket.SuccessFailureLength)
        {
            bytesWritten = 0;
            return false;
        }

        WriteHeader(destination, code, identifier, EapPacket.SuccessFailureLength);
        bytesWritten = EapPacket.SuccessFailureLength;
        return true;
    }

    private static void WriteHeader(Span<byte> destination, EapCode code, byte identifier, int length)
    {
        destination[EapPacket.CodeOffset] = (byte)code;
        destination[EapPacket.IdentifierOffset] = identifier;
        BinaryPrimitives.WriteUInt16BigEndian(destination[EapPacket.LengthOffset..], (ushort)length);
    }

    private static void CheckTypedCode(EapCode code)
    {
        if (code is not (EapCode.Request or EapCode.Response))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "Only Requests and Responses carry a Type.");
        }
    }
}
