// server_bench --tls: the certificate of the TLS funcdeskd it measures.
#include "server_bench_load.h"

#include <cstdlib>
#include <string>

namespace funcdesk::bench {

bool makeBenchCertificate(const std::filesystem::path &dir, std::string &error)
{
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 "
                                "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
                                (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() +
                                "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) {
        error = "openssl could not make the certificate (is the openssl command installed?)";
        return false;
    }
    return true;
}

} // namespace funcdesk::bench
