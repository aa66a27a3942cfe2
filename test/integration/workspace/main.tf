# A workspace for the integration suite: one Terraform file, so `.tf` support can be exercised.
resource "oci_identity_customer_secret_key" "ci" {
  display_name = "ci"
  user_id      = var.user_id
}
