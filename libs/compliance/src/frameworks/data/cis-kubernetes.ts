import type { Framework } from '../model';

/**
 * CIS Kubernetes Benchmark v1.9.0: the control-plane items a cluster resource can show (authentication,
 * authorization/RBAC, audit logging, secrets encryption) and the policy items around them.
 *
 * A plan describes managed clusters (EKS, AKS, GKE), whose control plane the provider runs, so the framework also
 * lists the managed-service recommendations of the CIS Amazon EKS Benchmark v1.5.0, CIS Azure Kubernetes Service
 * Benchmark v1.7.0 and CIS Google Kubernetes Engine Benchmark v1.6.0. Their ids are those of their own benchmark,
 * prefixed with `EKS `, `AKS ` or `GKE ` (the three benchmarks reuse the same numbers).
 */
export const CIS_KUBERNETES: Framework = {
  id: 'cis-kubernetes',
  name: 'CIS Kubernetes Benchmark (with the CIS EKS, AKS and GKE managed-service recommendations)',
  version: '1.9.0 (EKS 1.5.0, AKS 1.7.0, GKE 1.6.0)',
  publisher: 'Center for Internet Security',
  url: 'https://www.cisecurity.org/benchmark/kubernetes',
  aliases: ['cis-k8s'],
  requirements: [
    // 1.2 API Server
    { id: '1.2.1', title: 'Ensure that the --anonymous-auth argument is set to false', controls: [] },
    { id: '1.2.2', title: 'Ensure that the --token-auth-file parameter is not set', controls: ['k8s.legacy-auth'] },
    { id: '1.2.6', title: 'Ensure that the --authorization-mode argument is not set to AlwaysAllow', controls: ['k8s.rbac'] },
    { id: '1.2.8', title: 'Ensure that the --authorization-mode argument includes RBAC', controls: ['k8s.rbac'] },
    { id: '1.2.16', title: 'Ensure that the --audit-log-path argument is set', controls: ['log.kubernetes'] },
    { id: '1.2.17', title: 'Ensure that the --audit-log-maxage argument is set to 30 or as appropriate', controls: ['log.retention'] },
    { id: '1.2.27', title: 'Ensure that the --encryption-provider-config argument is set as appropriate', controls: ['k8s.secrets-encryption'] },
    { id: '1.2.28', title: 'Ensure that encryption providers are appropriately configured', controls: ['k8s.secrets-encryption'] },
    // 3 Control Plane Configuration
    { id: '3.1.1', title: 'Client certificate authentication should not be used for users', controls: ['k8s.legacy-auth'] },
    { id: '3.2.1', title: 'Ensure that a minimal audit policy is created', controls: ['log.kubernetes'] },
    { id: '3.2.2', title: 'Ensure that the audit policy covers key security concerns', controls: [] },
    // 5 Policies
    { id: '5.1.1', title: 'Ensure that the cluster-admin role is only used where required', controls: ['ev.access-review'] },
    { id: '5.1.3', title: 'Minimize wildcard use in Roles and ClusterRoles', controls: [] },
    { id: '5.1.5', title: 'Ensure that default service accounts are not actively used', controls: [] },
    { id: '5.2.1', title: 'Ensure that the cluster has at least one active policy control mechanism in place', controls: [] },
    { id: '5.2.2', title: 'Minimize the admission of privileged containers', controls: [] },
    { id: '5.3.1', title: 'Ensure that the CNI in use supports NetworkPolicies', controls: ['k8s.network-policy'] },
    { id: '5.3.2', title: 'Ensure that all Namespaces have NetworkPolicies defined', controls: ['k8s.network-policy'] },
    { id: '5.4.1', title: 'Prefer using Secrets as files over Secrets as environment variables', controls: [] },
    { id: '5.4.2', title: 'Consider external secret storage', controls: [] },
    { id: '5.5.1', title: 'Configure Image Provenance using ImagePolicyWebhook admission controller', controls: ['k8s.approved-images'] },
    // CIS Amazon EKS Benchmark v1.5.0
    { id: 'EKS 2.1.1', title: 'Enable audit Logs', controls: ['log.kubernetes'] },
    { id: 'EKS 5.2.1', title: 'Prefer using dedicated Amazon EKS Service Accounts', controls: ['k8s.workload-identity'] },
    { id: 'EKS 5.3.1', title: 'Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS', controls: ['k8s.secrets-encryption'] },
    { id: 'EKS 5.4.1', title: 'Restrict Access to the Control Plane Endpoint', controls: ['k8s.private-endpoint'] },
    { id: 'EKS 5.4.2', title: 'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled', controls: ['k8s.private-endpoint'] },
    { id: 'EKS 5.4.3', title: 'Ensure clusters are created with Private Nodes', controls: ['k8s.private-nodes'] },
    { id: 'EKS 5.4.4', title: 'Ensure Network Policy is Enabled and set as appropriate', controls: ['k8s.network-policy'] },
    // CIS Azure Kubernetes Service (AKS) Benchmark v1.7.0
    { id: 'AKS 2.1.1', title: 'Enable audit Logs', controls: ['log.kubernetes'] },
    { id: 'AKS 5.3.1', title: 'Ensure Kubernetes Secrets are encrypted', controls: ['k8s.secrets-encryption'] },
    { id: 'AKS 5.4.1', title: 'Restrict Access to the Control Plane Endpoint', controls: ['k8s.private-endpoint'] },
    { id: 'AKS 5.4.2', title: 'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled', controls: ['k8s.private-endpoint'] },
    { id: 'AKS 5.4.3', title: 'Ensure clusters are created with Private Nodes', controls: ['k8s.private-nodes'] },
    { id: 'AKS 5.4.4', title: 'Ensure Network Policy is Enabled and set as appropriate', controls: ['k8s.network-policy'] },
    { id: 'AKS 5.5.1', title: 'Manage Kubernetes RBAC users with Azure AD', controls: ['k8s.rbac'] },
    { id: 'AKS 5.5.2', title: 'Use Azure RBAC for Kubernetes Authorization', controls: ['k8s.rbac'] },
    // CIS Google Kubernetes Engine (GKE) Benchmark v1.6.0
    { id: 'GKE 5.2.1', title: 'Ensure GKE clusters are not running using the Compute Engine default service account', controls: ['iam.default-service-account'] },
    { id: 'GKE 5.2.2', title: 'Prefer using dedicated GCP Service Accounts and Workload Identity', controls: ['k8s.workload-identity'] },
    { id: 'GKE 5.3.1', title: 'Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS', controls: ['k8s.secrets-encryption'] },
    { id: 'GKE 5.4.1', title: 'Ensure the GKE Metadata Server is Enabled', controls: ['k8s.workload-identity'] },
    { id: 'GKE 5.5.3', title: 'Ensure Node Auto-Upgrade is enabled for GKE nodes', controls: ['k8s.upgrades'] },
    { id: 'GKE 5.5.4', title: 'When creating New Clusters - Automate GKE version management using Release Channels', controls: ['k8s.upgrades'] },
    { id: 'GKE 5.6.1', title: 'Enable VPC Flow Logs and Intranode Visibility', controls: ['log.network-flow'] },
    { id: 'GKE 5.6.3', title: 'Ensure Control Plane Authorized Networks is Enabled', controls: ['k8s.private-endpoint'] },
    { id: 'GKE 5.6.4', title: 'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled', controls: ['k8s.private-endpoint'] },
    { id: 'GKE 5.6.5', title: 'Ensure clusters are created with Private Nodes', controls: ['k8s.private-nodes'] },
    { id: 'GKE 5.7.1', title: 'Ensure Logging and Cloud Monitoring is Enabled', controls: ['log.kubernetes', 'log.monitoring'] },
    { id: 'GKE 5.8.1', title: 'Ensure authentication using Client Certificates is Disabled', controls: ['k8s.legacy-auth'] },
    { id: 'GKE 5.8.3', title: 'Ensure Legacy Authorization (ABAC) is Disabled', controls: ['k8s.legacy-auth', 'k8s.rbac'] },
    { id: 'GKE 5.9.2', title: 'Enable Customer-Managed Encryption Keys (CMEK) for Boot Disks', controls: ['ear.customer-managed-key'] },
    { id: 'GKE 5.10.4', title: 'Ensure use of Binary Authorization', controls: ['k8s.approved-images'] },
  ],
};
