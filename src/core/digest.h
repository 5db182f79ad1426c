#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <openssl/evp.h>

namespace aisec {

// Streaming SHA-256. Feed bytes with Update(), get lower-case hex with Finish().
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;  // owns an OpenSSL context
  Sha256& operator=(const Sha256&) = delete;
  void Update(const void* data, size_t size);
  std::string Finish();

 private:
  EVP_MD_CTX* ctx_;
};

std::string Sha256Hex(std::string_view data);

}  // namespace aisec
