#include "model/storage/SecretBytes.h"

#include <openssl/crypto.h>

#include <utility>

namespace cb {

SecretBytes SecretBytes::fromPassphrase(const QString &passphrase)
{
    QByteArray utf8 = passphrase.normalized(QString::NormalizationForm_KC).toUtf8();
    SecretBytes s = fromRaw(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    OPENSSL_cleanse(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return s;
}

SecretBytes SecretBytes::fromRaw(const char *data, std::size_t size)
{
    SecretBytes s;
    s.m_bytes.assign(data, data + size);
    return s;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

void SecretBytes::wipe() noexcept
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
    m_bytes.shrink_to_fit();
}

} // namespace cb
