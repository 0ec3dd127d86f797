import { loadPolicies, evaluatePolicies, policyCheck } from './index.js';
import { loadManifests } from '../manifests/index.js';
const t0 = performance.now();
const { policies, problems } = loadPolicies({ builtin: true, extra: [] });
console.log('load ms', performance.now() - t0, policies.policies.length, policies.bindings.length);
for (const p of problems) console.log('PROBLEM', p.file, p.line, p.message);
const yaml = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: webx}
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx
          securityContext:
            privileged: true
            capabilities: {add: [NET_ADMIN, CHOWN]}
          env: [{name: A, value: "1"}, {name: A, value: "2"}]
          livenessProbe: {httpGet: {port: http}}
      volumes:
        - name: sock
          hostPath: {path: /var/run/docker.sock}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
stringData: {password: x}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: i}
`;
const head = loadManifests('app.yaml', yaml).objects;
const findings = evaluatePolicies({ policies, head, base: [] });
for (const f of findings) console.log(f.action, f.policy, f.line, f.field, '-', f.message);
console.log(policyCheck(findings).title);
