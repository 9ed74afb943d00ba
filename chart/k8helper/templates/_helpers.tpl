{{/* The chart's name, overridable. */}}
{{- define "k8helper.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's full name: object names, at most 63 characters (a DNS label). */}}
{{- define "k8helper.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "k8helper.selectorLabels" -}}
app.kubernetes.io/name: {{ include "k8helper.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* A probe run inside the container (the image has no curl): exit 0 when the path answers 2xx. */}}
{{- define "k8helper.probeScript" -}}
fetch('http://127.0.0.1:8080{{ . }}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))
{{- end -}}

{{- define "k8helper.probeTimings" -}}
periodSeconds: 15
timeoutSeconds: 5
failureThreshold: 3
{{- end -}}

{{/* The bundled Redis has its own name, so the K8Helper Service and PDB never select it. */}}
{{- define "k8helper.redisSelectorLabels" -}}
app.kubernetes.io/name: {{ include "k8helper.name" . }}-redis
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "k8helper.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "k8helper.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "k8helper.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "k8helper.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret the pod reads its tokens from: the chart's, or the operator's own. */}}
{{- define "k8helper.secretName" -}}
{{- default (include "k8helper.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{- define "k8helper.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
The read-only rules as a YAML list. files/readonly-rules.yaml is the single source: the tests compare it
with the tool catalogue and the simulated cluster enforces it. It may hold a list or a `rules:` key.
*/}}
{{- define "k8helper.readonlyRules" -}}
{{- $text := .Files.Get "files/readonly-rules.yaml" -}}
{{- $rules := (fromYaml $text).rules -}}
{{- if not $rules -}}
{{- $rules = fromYamlArray $text -}}
{{- end -}}
{{- toYaml $rules -}}
{{- end -}}

{{/*
The same rules for a namespaced Role: no nonResourceURLs and no cluster-scoped resources, which a Role
cannot grant.
*/}}
{{- define "k8helper.namespacedRules" -}}
{{- $clusterScoped := list "nodes" "namespaces" "persistentvolumes" "storageclasses" "customresourcedefinitions" "apiservices" "clusterroles" "clusterrolebindings" "priorityclasses" "runtimeclasses" "csidrivers" "csinodes" "volumeattachments" "ingressclasses" "validatingwebhookconfigurations" "mutatingwebhookconfigurations" -}}
{{- $rules := list -}}
{{- range $rule := include "k8helper.readonlyRules" . | fromYamlArray -}}
{{- if $rule.resources -}}
{{- $resources := list -}}
{{- range $resource := $rule.resources -}}
{{- if not (has (first (splitList "/" $resource)) $clusterScoped) -}}
{{- $resources = append $resources $resource -}}
{{- end -}}
{{- end -}}
{{- if $resources -}}
{{- $rules = append $rules (dict "apiGroups" $rule.apiGroups "resources" $resources "verbs" $rule.verbs) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $rules -}}
{{- end -}}

{{/*
V8's old space, in MiB: half the container's memory limit (Mi or Gi), leaving the rest for the young
generation, code and native buffers. Empty without a limit (the image's start script then reads the cgroup).
*/}}
{{- define "k8helper.maxOldSpaceMi" -}}
{{- $memory := toString ((.Values.resources.limits | default dict).memory | default "") -}}
{{- $mi := 0 -}}
{{- if ne (trimSuffix "Mi" $memory) $memory -}}{{- $mi = int (trimSuffix "Mi" $memory) -}}{{- end -}}
{{- if ne (trimSuffix "Gi" $memory) $memory -}}{{- $mi = mul 1024 (int (trimSuffix "Gi" $memory)) -}}{{- end -}}
{{- if gt $mi 0 -}}{{ div $mi 2 }}{{- end -}}
{{- end -}}
