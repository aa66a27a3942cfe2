# The demo workspace. Cloud Keys activates on Terraform files and annotates key resources: each
# resource below shows its live key (state, age, expiry) from the demo emulators in a code lens,
# and what the key-age policy of the Cloud Keys view says of it (overdue, expiring, expired).
terraform {
  required_providers {
    oci = {
      source = "oracle/oci"
    }
    outscale = {
      source = "outscale/outscale"
    }
  }
}

# alice.admin's key in the demo OCI tenancy, matched by its display name.
resource "oci_identity_customer_secret_key" "terraform_state" {
  display_name = "terraform-state"
  user_id      = "ocid1.user.oc1..aaaacdbafdgeeeddhacffciehibbaaadaheagfadadabddeebdbhddehffjj"
}

# bob.builder's 412-day-old key: its lens says it is overdue (older than the 90-day policy).
resource "oci_identity_customer_secret_key" "ci_artifacts" {
  display_name = "ci-artifacts"
  user_id      = "ocid1.user.oc1..aaaaedhhggccdaeaacbedfecjagfgeegcabeijgcfbhaidbddfjicciegcff"
}

# A key no one has created yet: "not yet created".
resource "oci_identity_customer_secret_key" "backup" {
  display_name = "backup-bucket"
  user_id      = "ocid1.user.oc1..aaaaedhhggccdaeaacbedfecjagfgeegcabeijgcfbhaidbddfjicciegcff"
}

# The OUTSCALE EIM user "terraform" and its key tagged "state backend".
resource "outscale_access_key" "state_backend" {
  user_name = "terraform"
  tag       = "state backend"
}

# The key's user comes from a variable: the lens says it cannot tell which key it is.
resource "oci_identity_customer_secret_key" "from_variable" {
  display_name = "ci"
  user_id      = var.backup_user_id
}

variable "backup_user_id" {
  type = string
}

output "state_backend_secret" {
  value     = outscale_access_key.state_backend.secret_key
  sensitive = true
}
