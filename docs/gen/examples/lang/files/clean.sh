echo "cleaning ${BUILDROOT}"
