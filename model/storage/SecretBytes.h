#pragma once

#include <QString>

#include <cstddef>
#include <vector>

namespace cb {

// Bytes of a secret (a passphrase in UTF-8) that are wiped when they go away.
// Move-only, so that no copy lingers; QString copies made before it are beyond our reach.
class SecretBytes {
public:
    SecretBytes() = default;
    // Unicode NFKC normalisation, then UTF-8, as NIST SP 800-63B asks of passphrases.
    static SecretBytes fromPassphrase(const QString &passphrase);
    static SecretBytes fromRaw(const char *data, std::size_t size);
    ~SecretBytes();
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    const char *data() const noexcept { return m_bytes.data(); }
    std::size_t size() const noexcept { return m_bytes.size(); }
    bool isEmpty() const noexcept { return m_bytes.empty(); }
    void wipe() noexcept;

private:
    std::vector<char> m_bytes;
};

} // namespace cb
