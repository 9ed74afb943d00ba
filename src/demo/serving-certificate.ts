import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export interface ServingCertificate {
  /** PEM certificate: both the server's certificate and the CA its kubeconfig trusts. */
  certPem: string;
  keyPem: string;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost. kubectl never sends a bearer token
 * over plain HTTP (client-go attaches credentials only on TLS), so the simulated cluster serves HTTPS
 * and its kubeconfig carries this certificate as the cluster's CA, like a kubeadm cluster's.
 */
export function createServingCertificate(commonName: string): ServingCertificate {
  // Node's native key generation: forge's pure-JavaScript RSA would take seconds.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60_000);
  cert.validity.notAfter = new Date(now + 365 * 86_400_000);
  const subject = [{ name: "commonName", value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: [
        { type: 7, ip: "127.0.0.1" },
        { type: 2, value: "localhost" },
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: privateKey };
}
