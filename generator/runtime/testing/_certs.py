"""Certificates: reading what an uploaded PEM certificate says (its names and validity), and
making one that the fake accepts, for tests.

The fake reads a certificate's DER structure (X.509: the subject's common name, the DNS names
of its subjectAltName, its notBefore and notAfter) and checks no signature, as Tencent's
certificate platform would not let it: content that is not a PEM certificate is -20002
(InvalidParameter.InvalidCertContent), one outside its validity -12020
(InvalidParameter.certNotInValidTime). :func:`make_certificate` writes such a structure (with
an unsigned, made-up key): good for the fake, worthless to any TLS peer.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ._state import Certificate, FakeApiError, State, stamp

__all__ = ["CertInfo", "checked", "make_certificate", "read_certificate", "upload"]

_PEM = re.compile(
    r"-----BEGIN CERTIFICATE-----(?P<body>[A-Za-z0-9+/=\s\\n]+?)-----END CERTIFICATE-----"
)
_CN = bytes.fromhex("550403")  # 2.5.4.3 commonName
_SAN = bytes.fromhex("551d11")  # 2.5.29.17 subjectAltName


@dataclass(frozen=True)
class CertInfo:
    common_name: str
    alt_names: tuple[str, ...]
    not_before: datetime
    not_after: datetime


def _tlv(data: bytes, i: int) -> tuple[int, int, int]:
    """The DER element at ``i``: its tag, where its value starts and where it ends."""
    tag, length = data[i], data[i + 1]
    i += 2
    if length & 0x80:
        count = length & 0x7F
        if not 0 < count <= 4:
            raise ValueError("bad DER length")
        length = int.from_bytes(data[i : i + count], "big")
        i += count
    if i + length > len(data):
        raise ValueError("DER element runs past the end")
    return tag, i, i + length


def _elements(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    out = []
    while start < end:
        element = _tlv(data, start)
        out.append(element)
        start = element[2]
    return out


def _time(data: bytes, tag: int, start: int, end: int) -> datetime:
    text = data[start:end].decode("ascii")
    if tag == 0x17:  # UTCTime: YYMMDDHHMMSSZ
        made = datetime.strptime(text, "%y%m%d%H%M%SZ")
    elif tag == 0x18:  # GeneralizedTime: YYYYMMDDHHMMSSZ
        made = datetime.strptime(text, "%Y%m%d%H%M%SZ")
    else:
        raise ValueError("not a time")
    return made.replace(tzinfo=timezone.utc)


def read_certificate(content: str) -> CertInfo:
    """What a PEM certificate says; ValueError when it is not one."""
    found = _PEM.search(content.replace("\\n", "\n"))
    if found is None:
        raise ValueError("no -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block")
    try:
        der = base64.b64decode("".join(found.group("body").split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the certificate is not base64") from None
    try:
        tag, start, end = _tlv(der, 0)
        tag, start, end = _tlv(der, start)  # tbsCertificate
        fields = _elements(der, start, end)
        if fields and fields[0][0] == 0xA0:  # [0] version
            fields = fields[1:]
        # serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ...
        validity = _elements(der, fields[3][1], fields[3][2])
        not_before = _time(der, *validity[0])
        not_after = _time(der, *validity[1])
        common_name = ""
        for _, s, e in _elements(der, fields[4][1], fields[4][2]):  # RDN sets
            for _, s2, e2 in _elements(der, s, e):
                oid, value = _elements(der, s2, e2)[:2]
                if der[oid[1] : oid[2]] == _CN:
                    common_name = der[value[1] : value[2]].decode("utf-8", "replace")
        alt_names: list[str] = []
        for tag, s, _end in fields[6:]:
            if tag != 0xA3:  # [3] extensions
                continue
            for _, s2, e2 in _elements(der, *_tlv(der, s)[1:]):
                parts = _elements(der, s2, e2)
                if der[parts[0][1] : parts[0][2]] == _SAN:
                    octets = parts[-1]
                    _, s3, e3 = _tlv(der, octets[1])
                    for name_tag, s4, e4 in _elements(der, s3, e3):
                        if name_tag == 0x82:  # dNSName
                            alt_names.append(der[s4:e4].decode("ascii", "replace"))
    except (IndexError, ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"not an X.509 certificate ({exc})") from None
    return CertInfo(common_name, tuple(alt_names), not_before, not_after)


def checked(content: str, now: float) -> CertInfo:
    """What a certificate to upload says, checked as the platform would: -20002 when it is not
    a certificate, -12020 outside its validity. The key is not required: both certificate
    pages say it is not needed for SVR certificates, and ReplaceBmCert's example sends none."""
    try:
        info = read_certificate(content)
    except ValueError as exc:
        raise FakeApiError(-20002, f"invalid certificate content: {exc}") from None
    moment = datetime.fromtimestamp(now, timezone.utc)
    if not info.not_before <= moment <= info.not_after:
        raise FakeApiError(
            -12020,
            f"the certificate is valid from {stamp(info.not_before.timestamp())} to "
            f"{stamp(info.not_after.timestamp())} only",
        )
    return info


def upload(state: State, cert_type: str, content: str, name: str | None, now: float) -> Certificate:
    """Check a certificate (:func:`checked`) and keep it; the new certificate. Its private
    key is not kept: no action reads it back."""
    info = checked(content, now)
    cert = Certificate(
        id=state.new_id(""), type=cert_type, content=content, name=name or "",
        domain=info.common_name, subject_domains=list(info.alt_names), upload_time=stamp(now),
        begin_time=stamp(info.not_before.timestamp()), end_time=stamp(info.not_after.timestamp()),
    )  # fmt: skip
    state.certificates[cert.id] = cert
    return cert


# -- making one -------------------------------------------------------------------------------


def _der(tag: int, *parts: bytes) -> bytes:
    body = b"".join(parts)
    n = len(body)
    if n < 0x80:
        return bytes((tag, n)) + body
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(size))) + size + body


def _name(common_name: str) -> bytes:
    attribute = _der(0x30, _der(0x06, _CN), _der(0x0C, common_name.encode("utf-8")))
    return _der(0x30, _der(0x31, attribute))


def make_certificate(
    domain: str,
    *,
    alt_names: tuple[str, ...] = (),
    not_before: datetime | None = None,
    days: int = 365,
) -> str:
    """A PEM certificate for ``domain`` (and ``alt_names``) valid ``days`` days from
    ``not_before`` (default: a day ago), that the fake accepts. Not signed: no TLS peer would.

    >>> fake.load({"certificates": [...]})  # or upload it:
    >>> client.upload_bm_cert(cert_type="SVR", cert=make_certificate("www.example.com"), key="...")
    """
    start = not_before or datetime.now(timezone.utc) - timedelta(days=1)
    end = start + timedelta(days=days)
    rsa = _der(0x30, _der(0x06, bytes.fromhex("2a864886f70d010101")), _der(0x05))
    sha256_rsa = _der(0x30, _der(0x06, bytes.fromhex("2a864886f70d01010b")), _der(0x05))
    names = b"".join(_der(0x82, n.encode("ascii")) for n in (domain, *alt_names))
    san = _der(0x30, _der(0x06, _SAN), _der(0x04, _der(0x30, names)))
    tbs = _der(
        0x30,
        _der(0xA0, _der(0x02, b"\x02")),  # version 3
        _der(0x02, b"\x01"),
        sha256_rsa,
        _name(domain),
        _der(0x30, *(_der(0x18, t.strftime("%Y%m%d%H%M%SZ").encode()) for t in (start, end))),
        _name(domain),
        _der(0x30, rsa, _der(0x03, b"\x00" + b"\x30\x00")),
        _der(0xA3, _der(0x30, san)),
    )
    der = _der(0x30, tbs, sha256_rsa, _der(0x03, b"\x00" * 33))
    text = base64.b64encode(der).decode("ascii")
    lines = "\n".join(text[i : i + 64] for i in range(0, len(text), 64))
    return f"-----BEGIN CERTIFICATE-----\n{lines}\n-----END CERTIFICATE-----\n"
