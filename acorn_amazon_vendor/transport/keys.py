"""SSH keys as the SFTP transport needs them: host key fingerprints, private keys.

paramiko and cryptography are imported where they are used, so the addon loads
without them.
"""

import io

from .base import transport_error


def normalize_fingerprint(value):
    """``SHA256:abc`` whatever way it was pasted (prefix, spaces, padding)."""
    value = "".join((value or "").split())
    if not value:
        return ""
    if value.upper().startswith("SHA256:"):
        value = value[7:]
    return "SHA256:" + value.rstrip("=")


def load_private_key(text, passphrase=None):
    """A paramiko key from its text (OpenSSH or PEM; RSA, ECDSA or Ed25519).

    Raises:
        TransportConfigError: reason ``key`` when it can't be read or decrypted.
    """
    import paramiko
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    data = text.strip().encode() + b"\n"
    loaded = _decrypt(data, passphrase)
    classes = (
        (rsa.RSAPrivateKey, paramiko.RSAKey),
        (ed25519.Ed25519PrivateKey, paramiko.Ed25519Key),
        (ec.EllipticCurvePrivateKey, paramiko.ECDSAKey),
    )
    for crypto_class, key_class in classes:
        if isinstance(loaded, crypto_class):
            try:
                return key_class.from_private_key(
                    io.StringIO(data.decode()), passphrase
                )
            except (paramiko.SSHException, ValueError) as error:
                message = f"the private key can't be read: {error}"
                raise transport_error(message, "key") from error
    raise transport_error("the private key is of a type SSH can't use", "key")


def _decrypt(data, passphrase):
    """The key as ``cryptography`` reads it, to learn its type (and check it)."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization

    password = passphrase.encode() if passphrase else None
    openssh = data.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    load = (
        serialization.load_ssh_private_key
        if openssh
        else serialization.load_pem_private_key
    )
    try:
        return load(data, password)
    except TypeError as error:  # passphrase missing, or given for a plain key
        message = (
            "the private key is not protected: leave the passphrase empty"
            if password
            else "the private key is protected by a passphrase: enter it"
        )
        raise transport_error(message, "key") from error
    except (ValueError, UnsupportedAlgorithm) as error:
        message = "the private key can't be read, or its passphrase is wrong"
        raise transport_error(message, "key") from error
